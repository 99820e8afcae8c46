/** An order's refunds and what is left to refund, for the order views (orders' `OrderRefunds` port). */
import type { Db } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { and, asc, eq, inArray, ne, sum } from "drizzle-orm";
import { sumCents } from "../lib/money.ts";
import { capturedAttempts, orderAmounts, refundableLines } from "../orders/refund-claims.ts";
import type { OrderRefundsView, RefundView } from "../orders/refunds-port.ts";
import { lineRefundCents, shippingPaidCents } from "./refund-amounts.ts";

export async function orderRefunds(db: Db, orderId: string): Promise<OrderRefundsView> {
  const [order, attempts, lines, refunds, shippingClaimed] = await Promise.all([
    orderAmounts(db, orderId),
    capturedAttempts(db, orderId),
    refundableLines(db, orderId),
    refundsOf(db, orderId),
    shippingClaimedCents(db, orderId),
  ]);
  return {
    paidCents: sumCents(attempts.map((a) => a.amountCents)),
    refundedCents: sumCents(refunds.filter((r) => r.status === "succeeded").map((r) => r.amountCents)),
    refundableCents: sumCents(attempts.map((a) => a.amountCents - a.refundClaimedCents)),
    shippingRefundableCents: order ? shippingPaidCents(order) - shippingClaimed : 0,
    lines: lines.map((line) => {
      const left = line.quantity - line.refundClaimedQuantity;
      return {
        itemId: line.id,
        refundableQuantity: attempts.length > 0 ? left : 0,
        refundableCents: attempts.length > 0 ? lineRefundCents(line, line.refundClaimedQuantity, left) : 0,
      };
    }),
    refunds,
  };
}

async function refundsOf(db: Db, orderId: string): Promise<RefundView[]> {
  const { refunds, refundLines } = paymentsTables(db);
  const rows = await db.orm
    .select({
      id: refunds.id,
      amountCents: refunds.amountCents,
      shippingCents: refunds.shippingCents,
      status: refunds.status,
      reason: refunds.reason,
      failureReason: refunds.failureReason,
      at: refunds.createdAt,
      settledAt: refunds.settledAt,
    })
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
  if (rows.length === 0) return [];
  const lines = await db.orm
    .select({
      refundId: refundLines.refundId,
      itemId: refundLines.orderItemId,
      quantity: refundLines.quantity,
      amountCents: refundLines.amountCents,
      restock: refundLines.restock,
    })
    .from(refundLines)
    .where(
      inArray(
        refundLines.refundId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({
    ...row,
    lines: lines.filter((l) => l.refundId === row.id).map(({ refundId: _, ...line }) => line),
  }));
}

/** Shipping that refunds not failed give back. */
export async function shippingClaimedCents(db: Db, orderId: string): Promise<number> {
  const { refunds } = paymentsTables(db);
  const [row] = await db.orm
    .select({ cents: sum(refunds.shippingCents).mapWith(Number) })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), ne(refunds.status, "failed")));
  return row?.cents ?? 0;
}

/** One refund with its order's id, for the shopper's email; null when there is no such refund. */
export async function refundForEmail(db: Db, refundId: string) {
  const { refunds } = paymentsTables(db);
  const [refund] = await db.orm
    .select({
      id: refunds.id,
      orderId: refunds.orderId,
      amountCents: refunds.amountCents,
      status: refunds.status,
      reason: refunds.reason,
    })
    .from(refunds)
    .where(eq(refunds.id, refundId));
  return refund ?? null;
}
