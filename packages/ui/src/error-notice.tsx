import type { HTMLAttributes, ReactNode } from "react";
import { Button } from "./button.tsx";
import styles from "./error-notice.module.css";

/**
 * Something could not be loaded or done: the reason in words (`errorMessage(error)` from
 * @shopwright/client) and, when asking again may help, a Try again button.
 */
export function ErrorNotice({
  title,
  message,
  onRetry,
  children,
  className,
  ...attributes
}: {
  title?: string;
  message: string;
  onRetry?: (() => void) | undefined;
  /** What to do about it, when that is not to try again (a link elsewhere). */
  children?: ReactNode;
} & HTMLAttributes<HTMLDivElement>) {
  return (
    <div role="alert" className={[styles.notice, className].filter(Boolean).join(" ")} {...attributes}>
      {title && <p className={styles.title}>{title}</p>}
      <p className={styles.text}>{message}</p>
      {children}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
