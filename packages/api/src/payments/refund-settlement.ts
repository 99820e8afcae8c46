/**
 * A refund settled by the provider's webhook, the truth about it. Only a `pending` refund moves, so
 * the first outcome to arrive stands and a late or repeated one changes nothing.
 *
 * - succeeded: the money is gone back. Lines asked to be restocked go back on the shelf now (not
 *   when asked, so a refund that fails never moved stock), each unit once; the payment becomes
 *   `partially_refunded` or `refunded`; the shopper's email is enqueued.
 * - failed: what the refund claimed is released, so the same money and units can be refunded
 *   again; nothing else changed, and the provider's reason is kept for the admin.
 */
import type { Db } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { enqueue } from "@shopwright/jobs";
import { and, eq, sum } from "drizzle-orm";
import { restoreStock } from "../catalog/stock.ts";
import { lockOrder } from "../orders/lock.ts";
import { markRestocked, recordRefundedAmount, releaseRefund } from "../orders/refund-claims.ts";

export type RefundOutcome = { status: "succeeded" } | { status: "failed"; reason: string };

/** The refund the provider names by the shop's refund id, or null when the shop made no such refund. */
export async function findRefund(db: Db, refundId: string) {
  const { refunds } = paymentsTables(db);
  const [refund] = await db.orm
    .select({
      id: refunds.id,
      orderId: refunds.orderId,
      paymentId: refunds.paymentId,
      amountCents: refunds.amountCents,
    })
    .from(refunds)
    .where(eq(refunds.id, refundId));
  return refund ?? null;
}

/** Applies the provider's outcome; false when the refund was settled before (nothing changed). */
export async function settleRefund(
  tx: Db,
  refund: { id: string; orderId: string; paymentId: string; amountCents: number },
  outcome: RefundOutcome,
  requestId?: string,
): Promise<boolean> {
  const { refunds, refundLines } = paymentsTables(tx);
  // The order's lock orders this against a cancellation's restock and another refund's settling.
  await lockOrder(tx, refund.orderId);
  const now = new Date();
  const [settled] = await tx.orm
    .update(refunds)
    .set({
      status: outcome.status,
      failureReason: outcome.status === "failed" ? outcome.reason : null,
      settledAt: now,
      updatedAt: now,
    })
    .where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")))
    .returning({ id: refunds.id });
  if (!settled) return false;
  const lines = await tx.orm
    .select({ itemId: refundLines.orderItemId, quantity: refundLines.quantity, restock: refundLines.restock })
    .from(refundLines)
    .where(eq(refundLines.refundId, refund.id));

  if (outcome.status === "failed") {
    await releaseRefund(tx, { paymentId: refund.paymentId, cents: refund.amountCents, lines });
    return true;
  }
  await restoreStock(
    tx,
    await markRestocked(
      tx,
      lines.filter((l) => l.restock),
    ),
  );
  const [refunded] = await tx.orm
    .select({ cents: sum(refunds.amountCents).mapWith(Number) })
    .from(refunds)
    .where(and(eq(refunds.paymentId, refund.paymentId), eq(refunds.status, "succeeded")));
  await recordRefundedAmount(tx, refund.paymentId, refunded?.cents ?? 0);
  await enqueue(tx, "send_refund_email", { refundId: refund.id, requestId }, { jobKey: `refund-email:${refund.id}` });
  return true;
}
