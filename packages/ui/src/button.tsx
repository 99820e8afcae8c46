/**
 * The one button. `buttonClass` gives the same look to a link, for actions that are navigation
 * ("New product", "Start shopping"): put it on a router `Link` or an `<a>`.
 */
import type { ButtonHTMLAttributes } from "react";
import styles from "./button.module.css";

export interface ButtonLook {
  /** `secondary` (the default) for most actions, `primary` for the one a page is for, `danger` for loss. */
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "normal" | "small";
  /** As wide as its container. */
  block?: boolean;
}

export function buttonClass({ variant = "secondary", size = "normal", block = false }: ButtonLook = {}): string {
  return [styles.button, styles[variant], size === "small" && styles.small, block && styles.block]
    .filter(Boolean)
    .join(" ");
}

export function Button({
  variant,
  size,
  block,
  className,
  type = "button",
  ...props
}: ButtonLook & ButtonHTMLAttributes<HTMLButtonElement>) {
  const look = [buttonClass({ variant, size, block }), className].filter(Boolean).join(" ");
  return <button type={type} className={look} {...props} />;
}
