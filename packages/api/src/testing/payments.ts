/** Orders placed through checkout with a fake gateway, and the gateway's signed events for them. */
import type { Db } from "@shopwright/db";
import type { ApiConfig } from "../config.ts";
import { signWebhook } from "../payments/signature.ts";
import { createProduct, fillCart, testAddress, variantStock } from "./fixtures.ts";
import { createSignedInUser, fakePaymentGateway, testConfig } from "./index.ts";

let events = 0;

export async function placeTestOrder(
  db: Db,
  options: { stock?: number; quantity?: number; config?: Partial<ApiConfig> } = {},
) {
  const gateway = fakePaymentGateway();
  const shopper = await createSignedInUser(db, { gateway, ...(options.config ? { config: options.config } : {}) });
  const product = await createProduct(db, { stock: options.stock ?? 5, priceCents: 1_000 });
  await fillCart(db, shopper.id, [{ productId: product.id, quantity: options.quantity ?? 2 }]);
  const { order, paymentUrl } = await shopper.caller.orders.checkout({
    idempotencyKey: `order-${shopper.id}`,
    shippingAddress: testAddress,
  });
  const view = () => shopper.caller.orders.byId({ id: order.id });
  const stock = () => variantStock(db, product.variantId);
  return { order, paymentUrl, shopper, gateway, view, stock };
}

/** The gateway's webhook for a payment, signed as it would send it. */
export function signedPaymentEvent(
  orderId: string,
  payment: { id: string; amountCents: number },
  type: "payment.succeeded" | "payment.failed",
  eventId = `evt_${++events}_${payment.id}`,
) {
  const rawBody = JSON.stringify({
    id: eventId,
    type,
    created: Math.floor(Date.now() / 1000),
    data: { paymentId: payment.id, orderId, amountCents: payment.amountCents },
  });
  return { rawBody, signature: signWebhook(testConfig.webhookSecret, rawBody) };
}
