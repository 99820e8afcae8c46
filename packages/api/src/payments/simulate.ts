/**
 * `payments.simulate`: a script decides its own order's simulated payment, exactly as a tester's
 * click on the provider's hosted page does. The provider then delivers its signed webhook and the
 * order moves when the shop receives it, so a script waits for `processing` just as a shopper's
 * page does, and the webhook path is exercised every time. Development and test only: in
 * production a payment is decided by the shopper alone.
 */
import { type Db, isCaptured } from "@shopwright/db";
import type { ApiConfig } from "../config.ts";
import { conflict, forbidden, unavailable } from "../errors.ts";
import type { PaymentDecision, PaymentGateway } from "../orders/payment-gateway.ts";
import { orderDetail } from "../orders/queries.ts";

export interface SimulateDeps {
  db: Db;
  config: ApiConfig;
  gateway: PaymentGateway;
}

const OUTCOME = { approve: "succeeded", decline: "failed" } as const;

const ALREADY = {
  succeeded: "This payment was already approved",
  failed: "This payment was already declined; orders.retryPayment starts a new one",
  voided: "This payment was closed by the shop; orders.retryPayment starts a new one",
} as const;

export async function simulatePayment(
  { db, config, gateway }: SimulateDeps,
  input: { userId: string; orderId: string; decision: PaymentDecision },
): Promise<{ ok: true }> {
  if (!config.simulatedPayments) {
    throw forbidden("Simulated payments are refused in production mode (NODE_ENV=production)");
  }
  const order = await orderDetail(db, input.userId, input.orderId);
  if (order.payment && isCaptured(order.payment.status)) throw conflict("This order is already paid");
  if (order.status !== "placed") throw conflict(`This order is ${order.status} and can no longer be paid`);
  if (order.payment?.status === "failed") throw conflict(ALREADY.failed);
  if (!order.payment || !order.paymentUrl) {
    throw conflict("The payment provider has not registered this payment yet; orders.retryPayment registers it");
  }
  // Unanswered, the decision may or may not have been made; asking again is harmless either way.
  const { status } = await gateway
    .simulateDecision(order.payment.id, input.decision)
    .catch((error: unknown) =>
      Promise.reject(unavailable("The payment provider did not answer; try again in a moment", error)),
    );
  // Deciding again the way it was decided is harmless; the other way, the first decision stands.
  if (status !== OUTCOME[input.decision]) throw conflict(ALREADY[status]);
  return { ok: true };
}
