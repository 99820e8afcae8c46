/**
 * Paying again for a `placed` order whose payment was declined or abandoned: a new attempt with the
 * gateway, until the order's payment deadline.
 *
 * One payment page can take money for an order at any moment, however requests interleave. The
 * whole retry runs under the order's row lock, gateway calls included: the attempt it replaces is
 * voided at the gateway before the new one exists, and the new one is registered before the lock
 * is let go, so no other retry decides on an attempt whose page is being opened. The lock is the
 * order's own, so only retries and payment events for that one order wait on it. A retry that
 * finds a newer attempt than the one it started from hands out that attempt's page instead of
 * making another: ten clicks at once open one page.
 */
import { isCaptured, newId } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, eq } from "drizzle-orm";
import { conflict, notFound, unavailable } from "../errors.ts";
import { enforceRateLimits, type RateLimitRule } from "../lib/rate-limit.ts";
import { lockOrder } from "./lock.ts";
import { latestAttempt, type PaymentDeps, registerAttempt } from "./payment-attempts.ts";

/**
 * A shopper pays again a few times at most; the bound also caps how many retries of one order can
 * wait at once on its row lock, each holding a database connection, while the gateway answers.
 */
const RETRIES_PER_ORDER = { limit: 5, windowSeconds: 60 } satisfies RateLimitRule;

/**
 * Who may retry: the order's owner, or whoever holds a link to it (`orderIdForLink` found the order
 * by the link, so holding it is the proof).
 */
export type RetryAccess = { userId: string } | "order-link";

export async function retryPayment(
  deps: PaymentDeps,
  input: { orderId: string; access: RetryAccess },
  now = new Date(),
): Promise<{ paymentUrl: string | null }> {
  const { db, gateway } = deps;
  const { payments } = ordersTables(db);
  const { orders } = ordersTables(db);
  const { access } = input;
  const [owned] = await db.orm
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), access === "order-link" ? undefined : eq(orders.userId, access.userId)));
  const seen = owned ? await latestAttempt(db, input.orderId) : null;
  if (!seen) throw notFound("Order");
  if (deps.config.rateLimits) {
    await enforceRateLimits(db, [{ key: `retry-payment:${input.orderId}`, rule: RETRIES_PER_ORDER }]);
  }
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) throw notFound("Order");
    const latest = await latestAttempt(tx, input.orderId);
    if (!latest) throw notFound("Order");
    if (isCaptured(latest.status)) throw conflict("This order is already paid");
    if (order.status !== "placed") throw conflict(`This order is ${order.status} and can no longer be paid`);
    if (latest.expiresAt <= now) throw conflict("The time to pay for this order has run out");
    const txDeps = { ...deps, db: tx };
    // Another retry got here first, or the attempt's page was never opened: that attempt is the one to pay.
    if (latest.id !== seen.id || (latest.status === "pending" && !latest.paymentUrl)) {
      return { paymentUrl: await registerAttempt(txDeps, latest, order) };
    }
    if (latest.paymentUrl) {
      const { status } = await gateway.voidPayment(latest.id).catch(() => {
        throw unavailable("The payment provider cannot be reached; try again in a moment");
      });
      if (status === "succeeded") throw conflict("Your payment went through; the order will show it in a moment");
    }
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
    return { paymentUrl: await registerAttempt(txDeps, created, order) };
  });
}
