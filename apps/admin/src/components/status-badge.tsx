import { ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS } from "@shopwright/ui/status-labels";
import { humanize } from "../lib/humanize.ts";
import styles from "./status-badge.module.css";

/** Colours by meaning, so an order, a payment, a product, a job and a customer's email read alike. */
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
  partially_refunded: "active",
  refunded: "good",
  permanently_failed: "bad",
  refund_needed: "bad",
  verified: "good",
  unverified: "waiting",
};

/** An order's or a payment's status in the words the storefront uses too; anything else humanized. */
export const statusLabel = (status: string): string =>
  (ORDER_STATUS_LABELS as Record<string, string>)[status] ??
  (PAYMENT_STATUS_LABELS as Record<string, string>)[status] ??
  humanize(status);

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status];
  return <span className={`${styles.badge} ${tone ? styles[tone] : ""}`}>{statusLabel(status)}</span>;
}
