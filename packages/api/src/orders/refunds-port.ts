/**
 * An order's refunds as orders shows them: a port. Refunds live in the payments domain, which sits
 * above orders; root.ts hands its reader to the order procedures, as it hands them the gateway.
 */
import type { Db, RefundStatus } from "@shopwright/db";

export interface RefundView {
  id: string;
  amountCents: number;
  /** The part of `amountCents` that refunds shipping. */
  shippingCents: number;
  status: RefundStatus;
  reason: string;
  /** Why the provider refused it; null unless `failed`. */
  failureReason: string | null;
  /** When the admin asked. */
  at: Date;
  settledAt: Date | null;
  lines: { itemId: string; quantity: number; amountCents: number; restock: boolean }[];
}

export interface OrderRefundsView {
  /** What the order's payments took. */
  paidCents: number;
  /** What refunds that succeeded gave back. */
  refundedCents: number;
  /** What can still be refunded: paid, less refunds succeeded or under way. */
  refundableCents: number;
  shippingRefundableCents: number;
  /** Per order line: units and cents still refundable. */
  lines: { itemId: string; refundableQuantity: number; refundableCents: number }[];
  /** Oldest first. */
  refunds: RefundView[];
}

export type OrderRefunds = (db: Db, orderId: string) => Promise<OrderRefundsView>;
