import { formatDateTime } from "@shopwright/ui/date";
import { ORDER_STATUS_LABELS, ORDER_STEP_LABELS } from "@shopwright/ui/status-labels";
import type { Order, OrderStatus } from "../lib/types.ts";
import styles from "./order-status.module.css";

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`${styles.badge} ${styles[status] ?? ""}`} data-status={status}>
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}

/** The way an order goes when all goes well; a cancelled order stops where it was. */
const PATH: OrderStatus[] = ["placed", "processing", "shipped", "delivered"];

/** "#1042": how people read an order number. */
export function orderLabel(number: number): string {
  return `#${number}`;
}

/**
 * Every status the order went through, oldest first, with when it happened, then the steps still
 * to come, so a shopper sees how far along the order is.
 */
export function StatusTimeline({ history, status }: { history: Order["statusHistory"]; status: OrderStatus }) {
  const reached = new Set(history.map((entry) => entry.status));
  const upcoming = status === "cancelled" ? [] : PATH.filter((step) => !reached.has(step));
  return (
    <ol className={styles.timeline} aria-label="Order history">
      {history.map((entry) => (
        <li key={`${entry.status}-${String(entry.at)}`} className={styles.step}>
          <strong>{ORDER_STEP_LABELS[entry.status as OrderStatus] ?? entry.status}</strong>
          <time className={styles.when} dateTime={new Date(entry.at).toISOString()}>
            {formatDateTime(entry.at)}
          </time>
        </li>
      ))}
      {upcoming.map((step) => (
        <li key={step} className={`${styles.step} ${styles.upcoming}`} data-upcoming="true">
          <span>{ORDER_STEP_LABELS[step]}</span>
          <span className={styles.when}>To come</span>
        </li>
      ))}
    </ol>
  );
}
