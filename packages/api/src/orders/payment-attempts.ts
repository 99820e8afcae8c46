/**
 * An order's payment attempts: the first made at checkout, one more per retry. The latest attempt
 * is the order's payment as people see it; every attempt keeps the order's one deadline.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { storefrontRoutes } from "@shopwright/routes";
import { desc, eq } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { PaymentGateway } from "./payment-gateway.ts";

export interface PaymentDeps {
  db: Db;
  config: ApiConfig;
  gateway: PaymentGateway;
  log: Logger;
}

export async function latestAttempt(db: Db, orderId: string) {
  const { payments } = paymentsTables(db);
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
 * nothing twice. Null when the gateway could not be reached: asking again retries.
 */
export async function registerAttempt(
  { db, config, gateway, log }: PaymentDeps,
  payment: { id: string; orderId: string; amountCents: number; status: string; paymentUrl: string | null },
): Promise<string | null> {
  if (payment.status !== "pending") return null;
  if (payment.paymentUrl) return payment.paymentUrl;
  const { orders } = ordersTables(db);
  const { payments } = paymentsTables(db);
  try {
    const [order] = await db.orm.select({ number: orders.number }).from(orders).where(eq(orders.id, payment.orderId));
    const { url } = await gateway.createPayment({
      paymentId: payment.id,
      orderId: payment.orderId,
      description: `Shopwright order #${order?.number}`,
      amountCents: payment.amountCents,
      returnUrl: `${config.publicUrl}${storefrontRoutes.order.href({ id: payment.orderId })}`,
    });
    await db.orm.update(payments).set({ paymentUrl: url }).where(eq(payments.id, payment.id));
    return url;
  } catch (error) {
    log.warn({ err: error, orderId: payment.orderId }, "payment registration failed; asking again retries it");
    return null;
  }
}
