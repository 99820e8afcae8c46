/**
 * What refunds may still take from an order, kept on the orders domain's own rows: each payment's
 * `refund_claimed_cents` and each line's `refund_claimed_quantity` count what refunds that have not
 * failed hold, and CHECK constraints keep them within what was captured and bought. The payments
 * domain claims and releases through these functions, under the order's row lock, so two refunds of
 * one order are decided one after the other; the conditional updates and the CHECKs hold even if a
 * caller forgot the lock.
 */
import { capturedPaymentStatuses, type Db, type PaymentStatus } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";

/** An order's lines with what refunds hold of them; `paidCents` is what the line cost the shopper. */
export async function refundableLines(db: Db, orderId: string) {
  const { orderItems } = ordersTables(db);
  return db.orm
    .select({
      id: orderItems.id,
      productId: orderItems.productId,
      name: orderItems.name,
      unitPriceCents: orderItems.unitPriceCents,
      quantity: orderItems.quantity,
      paidCents: orderItems.totalCents,
      refundClaimedQuantity: orderItems.refundClaimedQuantity,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.name), asc(orderItems.id));
}

export type RefundableLine = Awaited<ReturnType<typeof refundableLines>>[number];

/** An order's attempts that took money, oldest first, with what refunds hold of each. */
export async function capturedAttempts(db: Db, orderId: string) {
  const { payments } = ordersTables(db);
  return db.orm
    .select({
      id: payments.id,
      status: payments.status,
      amountCents: payments.amountCents,
      refundClaimedCents: payments.refundClaimedCents,
      refundNeededAt: payments.refundNeededAt,
    })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), inArray(payments.status, capturedPaymentStatuses)))
    .orderBy(asc(payments.attempt));
}

export type CapturedAttempt = Awaited<ReturnType<typeof capturedAttempts>>[number];

/**
 * Claims `cents` of a payment and `quantity` of each line for a refund. False, with nothing
 * claimed, when the payment or a line has less left than asked (the caller's transaction rolls
 * back on false).
 */
export async function claimRefund(
  tx: Db,
  claim: { paymentId: string; cents: number; lines: readonly { itemId: string; quantity: number }[] },
): Promise<boolean> {
  const { payments, orderItems } = ordersTables(tx);
  const [payment] = await tx.orm
    .update(payments)
    .set({ refundClaimedCents: sql`${payments.refundClaimedCents} + ${claim.cents}` })
    .where(
      and(
        eq(payments.id, claim.paymentId),
        lte(sql`${payments.refundClaimedCents} + ${claim.cents}`, payments.amountCents),
      ),
    )
    .returning({ id: payments.id });
  if (!payment) return false;
  for (const line of claim.lines) {
    const [claimed] = await tx.orm
      .update(orderItems)
      .set({ refundClaimedQuantity: sql`${orderItems.refundClaimedQuantity} + ${line.quantity}` })
      .where(
        and(
          eq(orderItems.id, line.itemId),
          lte(sql`${orderItems.refundClaimedQuantity} + ${line.quantity}`, orderItems.quantity),
        ),
      )
      .returning({ id: orderItems.id });
    if (!claimed) return false;
  }
  return true;
}

/** Gives back what a failed refund claimed, so the money and units can be refunded again. */
export async function releaseRefund(
  tx: Db,
  claim: { paymentId: string; cents: number; lines: readonly { itemId: string; quantity: number }[] },
): Promise<void> {
  const { payments, orderItems } = ordersTables(tx);
  await tx.orm
    .update(payments)
    .set({ refundClaimedCents: sql`${payments.refundClaimedCents} - ${claim.cents}` })
    .where(eq(payments.id, claim.paymentId));
  for (const line of claim.lines) {
    await tx.orm
      .update(orderItems)
      .set({ refundClaimedQuantity: sql`${orderItems.refundClaimedQuantity} - ${line.quantity}` })
      .where(eq(orderItems.id, line.itemId));
  }
}

/**
 * Marks units as back on the shelf and answers those that were not already (a cancellation puts
 * every unit back, so a refund after it restocks nothing). The caller restores exactly these: the
 * counter and its CHECK make each unit go back once.
 */
export async function markRestocked(
  tx: Db,
  lines: readonly { itemId: string; quantity: number }[],
): Promise<{ variantId: string; quantity: number }[]> {
  const { orderItems } = ordersTables(tx);
  const restocked: { variantId: string; quantity: number }[] = [];
  for (const line of lines) {
    const [row] = await tx.orm
      .update(orderItems)
      .set({ restockedQuantity: sql`${orderItems.restockedQuantity} + ${line.quantity}` })
      .where(
        and(
          eq(orderItems.id, line.itemId),
          lte(sql`${orderItems.restockedQuantity} + ${line.quantity}`, orderItems.quantity),
        ),
      )
      .returning({ variantId: orderItems.variantId });
    if (row) restocked.push({ variantId: row.variantId, quantity: line.quantity });
  }
  return restocked;
}

/** A captured payment's status once `refundedCents` of it has been given back. */
export async function recordRefundedAmount(tx: Db, paymentId: string, refundedCents: number): Promise<PaymentStatus> {
  const { payments } = ordersTables(tx);
  const [payment] = await tx.orm
    .select({ amountCents: payments.amountCents })
    .from(payments)
    .where(eq(payments.id, paymentId));
  const status: PaymentStatus =
    refundedCents <= 0 ? "succeeded" : refundedCents >= (payment?.amountCents ?? 0) ? "refunded" : "partially_refunded";
  await tx.orm.update(payments).set({ status, updatedAt: new Date() }).where(eq(payments.id, paymentId));
  return status;
}

/** The order's own figures a refund is measured against. */
export async function orderAmounts(db: Db, orderId: string) {
  const { orders } = ordersTables(db);
  const [order] = await db.orm
    .select({ status: orders.status, shippingCents: orders.shippingCents, pricing: orders.pricing })
    .from(orders)
    .where(eq(orders.id, orderId));
  return order ?? null;
}
