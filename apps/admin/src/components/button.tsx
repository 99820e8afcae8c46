import type { ButtonHTMLAttributes } from "react";
import { Link, type LinkProps } from "react-router";
import styles from "./button.module.css";

type Look = { variant?: "default" | "primary" | "danger"; size?: "normal" | "small" };

const classes = ({ variant = "default", size = "normal" }: Look, extra?: string) =>
  [styles.button, variant !== "default" && styles[variant], size === "small" && styles.small, extra]
    .filter(Boolean)
    .join(" ");

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={classes({ variant, size }, className)} {...props} />;
}

/** A link that looks like a button, for actions that are navigation ("New product"). */
export function ButtonLink({ variant, size, className, ...props }: Look & LinkProps) {
  return <Link className={classes({ variant, size }, className)} {...props} />;
}
