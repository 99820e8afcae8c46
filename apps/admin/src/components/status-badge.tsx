import { humanize } from "../lib/humanize.ts";
import styles from "./status-badge.module.css";

/** Colours by meaning, so an order, a payment, a product and a job read alike. */
const TONE: Record<string, "good" | "active" | "waiting" | "bad" | undefined> = {
  active: "good",
  archived: undefined,
  placed: "waiting",
  processing: "active",
  shipped: "active",
  delivered: "good",
  cancelled: "bad",
  pending: "waiting",
  succeeded: "good",
  failed: "bad",
  permanently_failed: "bad",
  refund_needed: "bad",
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status];
  return <span className={`${styles.badge} ${tone ? styles[tone] : ""}`}>{humanize(status)}</span>;
}
