import { errorMessage } from "@shopwright/client";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import type { ReactNode } from "react";
import styles from "./status-message.module.css";

/** Nothing to show yet: says so and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={styles.box}>
      <h2 className={styles.title}>{title}</h2>
      {children && <p className={styles.text}>{children}</p>}
      {action}
    </div>
  );
}

/** A failed load: the reason in plain words ("We can't reach the shop…") and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorNotice title="We couldn’t load this" message={errorMessage(error)} onRetry={onRetry} />;
}
