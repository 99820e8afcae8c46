/**
 * Paying again for a `placed` order whose payment was declined or abandoned: a new attempt with the
 * gateway, until the order's payment deadline. An abandoned attempt is voided at the gateway first,
 * so two open hosted pages never take money for one order.
 *
 * Concurrent retries land once: each locks the order, and one that finds a newer attempt than the
 * one it started from hands out that attempt's page instead of making another. The unique
 * (order, attempt) index backs this up.
 */
import { newId } from "@shopwright/db";
import { and, eq } from "drizzle-orm";
import { conflict, notFound } from "../errors.ts";
import { lockOrder } from "./lock.ts";
import { latestAttempt, type PaymentDeps, registerAttempt } from "./payment-attempts.ts";

export async function retryPayment(
  deps: PaymentDeps,
  input: { userId: string; orderId: string },
  now = new Date(),
): Promise<{ paymentUrl: string | null }> {
  const { db, gateway } = deps;
  const { payments, orders } = db.tables;
  const [owned] = await db.orm
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.userId, input.userId)));
  const seen = owned ? await latestAttempt(db, input.orderId) : null;
  if (!seen) throw notFound("Order");
  if (seen.status === "succeeded") throw conflict("This order is already paid");
  if (seen.expiresAt <= now) throw conflict("The time to pay for this order has run out");
  if (seen.status === "pending" && seen.paymentUrl) {
    const { status } = await gateway.voidPayment(seen.id);
    if (status === "succeeded") {
      throw conflict("Your payment went through; the order will show it in a moment");
    }
  }
  const attempt = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) throw notFound("Order");
    if (order.status !== "placed") throw conflict(`This order is ${order.status} and can no longer be paid`);
    const latest = await latestAttempt(tx, input.orderId);
    if (!latest) throw notFound("Order");
    // Another retry got here first: its attempt is the one to pay.
    if (latest.id !== seen.id) return latest;
    if (latest.status === "pending" && !latest.paymentUrl) return latest;
    await tx.orm
      .update(payments)
      .set({ status: "failed", updatedAt: now })
      .where(and(eq(payments.id, latest.id), eq(payments.status, "pending")));
    const [created] = await tx.orm
      .insert(payments)
      .values({
        id: newId("pay"),
        orderId: input.orderId,
        attempt: latest.attempt + 1,
        amountCents: latest.amountCents,
        status: "pending",
        expiresAt: latest.expiresAt,
      })
      .returning();
    if (!created) throw new Error("payment insert returned no row");
    return created;
  });
  return { paymentUrl: await registerAttempt(deps, attempt) };
}
