import { formatDateTime } from "@shopwright/ui/date";
import type { Order, OrderStatus } from "../lib/types.ts";
import styles from "./order-status.module.css";

const LABELS: Record<OrderStatus, string> = {
  placed: "Awaiting payment",
  processing: "Processing",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`${styles.badge} ${styles[status] ?? ""}`} data-status={status}>
      {LABELS[status]}
    </span>
  );
}

/** Every status the order went through, oldest first, with when it happened. */
export function StatusTimeline({ history }: { history: Order["statusHistory"] }) {
  return (
    <ol className={styles.timeline} aria-label="Order history">
      {history.map((entry) => (
        <li key={`${entry.status}-${String(entry.at)}`} className={styles.step}>
          <strong>{LABELS[entry.status as OrderStatus] ?? entry.status}</strong>
          <time className={styles.when} dateTime={new Date(entry.at).toISOString()}>
            {formatDateTime(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
