import type { ButtonHTMLAttributes } from "react";
import styles from "./button.module.css";

type Variant = "primary" | "secondary" | "ghost";

/** The class list of a button, for links that should look like one. */
export function buttonClass(variant: Variant = "primary", block = false): string {
  return [styles.button, styles[variant], block ? styles.block : ""].filter(Boolean).join(" ");
}

export function Button({
  variant = "primary",
  block = false,
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; block?: boolean }) {
  return (
    <button type={type} className={[buttonClass(variant, block), className].filter(Boolean).join(" ")} {...props} />
  );
}
