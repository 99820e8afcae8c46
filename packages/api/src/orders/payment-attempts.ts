/**
 * An order's payment attempts: the first made at checkout, one more per retry. The latest attempt
 * is the order's payment as people see it; every attempt keeps the order's one deadline. Orders
 * owns their rows; the payments domain (webhooks, expiry, voiding) moves them with the functions
 * below, as it moves orders with `transitionOrder`.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { storefrontRoutes } from "@shopwright/routes";
import { and, asc, desc, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { LockedOrder } from "./lock.ts";
import type { PaymentGateway } from "./payment-gateway.ts";

export interface PaymentDeps {
  db: Db;
  config: ApiConfig;
  gateway: PaymentGateway;
  log: Logger;
}

export async function latestAttempt(db: Db, orderId: string) {
  const { payments } = ordersTables(db);
  const [payment] = await db.orm
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.attempt))
    .limit(1);
  return payment ?? null;
}

/**
 * Registers a pending attempt with the gateway unless that already happened, and returns its hosted
 * page. The gateway is idempotent on the payment id, so a retry after a lost answer registers
 * nothing twice. Null when the gateway could not be reached: asking again retries. `order` is the
 * caller's own read of the attempt's order.
 */
export async function registerAttempt(
  { db, config, gateway, log }: PaymentDeps,
  payment: { id: string; orderId: string; amountCents: number; status: string; paymentUrl: string | null },
  order: Pick<LockedOrder, "number" | "placedAsGuest">,
): Promise<string | null> {
  if (payment.status !== "pending") return null;
  if (payment.paymentUrl) return payment.paymentUrl;
  const { payments } = ordersTables(db);
  try {
    // A guest comes back to the order-link page without the token: the provider is never handed
    // it, and the page has it from checkout's answer (or the guest opens the emailed link).
    const back = order.placedAsGuest
      ? storefrontRoutes.orderLink.href()
      : storefrontRoutes.order.href({ id: payment.orderId });
    const { url } = await gateway.createPayment({
      paymentId: payment.id,
      orderId: payment.orderId,
      description: `Shopwright order #${order.number}`,
      amountCents: payment.amountCents,
      returnUrl: `${config.publicUrl}${back}`,
    });
    await db.orm.update(payments).set({ paymentUrl: url }).where(eq(payments.id, payment.id));
    return url;
  } catch (error) {
    log.warn({ err: error, orderId: payment.orderId }, "payment registration failed; asking again retries it");
    return null;
  }
}

/** Every attempt of an order, oldest first. */
export async function attemptsOf(db: Db, orderId: string) {
  const { payments } = ordersTables(db);
  return db.orm
    .select({
      id: payments.id,
      status: payments.status,
      expiresAt: payments.expiresAt,
      paymentUrl: payments.paymentUrl,
    })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.attempt));
}

/** The attempt the gateway names by its payment id, or null when the shop made no such attempt. */
export async function findAttempt(db: Db, paymentId: string) {
  const { payments } = ordersTables(db);
  const [payment] = await db.orm
    .select({ id: payments.id, orderId: payments.orderId, amountCents: payments.amountCents })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return payment ?? null;
}

/**
 * Records the gateway's verdict on an attempt: a failure ends only a pending attempt, a success
 * lands on any attempt that has not taken money yet. False when there was nothing to change (a repeated
 * or late event).
 */
export async function recordAttemptOutcome(
  db: Db,
  paymentId: string,
  outcome: "failed" | "succeeded",
  now = new Date(),
): Promise<boolean> {
  const { payments } = ordersTables(db);
  // A success lands on an attempt not yet captured: a refunded payment stays refunded.
  const open = outcome === "failed" ? eq(payments.status, "pending") : inArray(payments.status, ["pending", "failed"]);
  const [changed] = await db.orm
    .update(payments)
    .set({ status: outcome, updatedAt: now })
    .where(and(eq(payments.id, paymentId), open))
    .returning({ id: payments.id });
  return changed !== undefined;
}

/** Money arrived that the order cannot use (cancelled, or paid by another attempt): an admin refunds it. */
export async function flagRefundNeeded(db: Db, paymentId: string, now = new Date()): Promise<void> {
  const { payments } = ordersTables(db);
  await db.orm.update(payments).set({ refundNeededAt: now }).where(eq(payments.id, paymentId));
}

/** Ends an order's pending attempts; with `dueBy`, only those whose deadline has passed by then. */
export async function failPendingAttempts(db: Db, orderId: string, now = new Date(), dueBy?: Date): Promise<void> {
  const { payments } = ordersTables(db);
  const conditions: SQL[] = [eq(payments.orderId, orderId), eq(payments.status, "pending")];
  if (dueBy) conditions.push(lte(payments.expiresAt, dueBy));
  await db.orm
    .update(payments)
    .set({ status: "failed", updatedAt: now })
    .where(and(...conditions));
}
