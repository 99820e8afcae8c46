/** Paid orders to refund, and the provider's signed refund events, for refund tests. */
import type { Db } from "@shopwright/db";
import { silentLogger } from "../logger.ts";
import { signWebhook } from "../payments/signature.ts";
import { receivePaymentWebhook } from "../payments/webhook.ts";
import { createProduct, fillCart, testAddress, variantStock } from "./fixtures.ts";
import { createSignedInUser, testConfig } from "./index.ts";
import { signedPaymentEvent } from "./payments.ts";

let events = 0;

/**
 * A shopper's order of three lines (2 × $10.00, 1 × $25.00, 3 × $4.99 unless told otherwise), paid
 * through the payment webhook, and an admin to refund it.
 */
export async function placePaidOrder(
  db: Db,
  lines: { priceCents: number; quantity: number }[] = [
    { priceCents: 1_000, quantity: 2 },
    { priceCents: 2_500, quantity: 1 },
    { priceCents: 499, quantity: 3 },
  ],
  options: { pay?: boolean } = {},
) {
  const shopper = await createSignedInUser(db);
  const admin = await createSignedInUser(db, { role: "admin" });
  const products: { id: string; name: string; variantId: string }[] = [];
  for (const [i, line] of lines.entries()) {
    products.push(
      await createProduct(db, {
        name: `Item ${i + 1} ${shopper.id.slice(-6)}`,
        priceCents: line.priceCents,
        stock: 10,
      }),
    );
  }
  await fillCart(
    db,
    shopper.id,
    products.map((p, i) => ({ productId: p.id, quantity: lines[i]!.quantity })),
  );
  const { order } = await shopper.caller.orders.checkout({
    idempotencyKey: `order-${shopper.id}`,
    shippingAddress: testAddress,
  });
  if (options.pay !== false) {
    await receivePaymentWebhook(
      { db, config: testConfig, log: silentLogger },
      signedPaymentEvent(order.id, order.payment!, "payment.succeeded"),
    );
  }
  const detail = await admin.caller.admin.orders.byId({ id: order.id });
  /** The order line of the i-th product, as the admin names it. */
  const itemOf = (i: number) => detail.items.find((item) => item.productId === products[i]!.id)!;
  const stockOf = (i: number) => variantStock(db, products[i]!.variantId);
  return {
    order,
    shopper,
    admin: admin.caller,
    itemOf,
    stockOf,
    view: () => shopper.caller.orders.byId({ id: order.id }),
    adminView: () => admin.caller.admin.orders.byId({ id: order.id }),
  };
}

/** The provider's webhook about a refund, signed as it would send it. */
export function signedRefundEvent(
  order: { id: string; payment: { id: string } | null },
  refund: { id: string; amountCents: number },
  type: "refund.succeeded" | "refund.failed",
  options: { eventId?: string; failureReason?: string; amountCents?: number } = {},
) {
  const rawBody = JSON.stringify({
    id: options.eventId ?? `evr_${++events}_${refund.id}`,
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      refundId: refund.id,
      paymentId: order.payment!.id,
      orderId: order.id,
      amountCents: options.amountCents ?? refund.amountCents,
      ...(options.failureReason ? { failureReason: options.failureReason } : {}),
    },
  });
  return { rawBody, signature: signWebhook(testConfig.webhookSecret, rawBody) };
}
