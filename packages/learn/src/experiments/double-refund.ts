/**
 * Double refund: an admin's Refund button clicked twice (or by two admins at once) sends the same
 * request twice, and the provider's refund webhook, delivered at least once, may arrive several
 * times at once. The wrong way asks the provider on every click and restocks on every delivery.
 * The shop claims the refund under the order's row lock with the request's idempotency key, hands
 * it to the provider once (a job keyed by the refund), and settles it only while it is pending.
 */
import { randomUUID } from "node:crypto";
import { receivePaymentWebhook, signWebhook } from "@shopwright/api/server";
import { createTestContext, fakePaymentGateway } from "@shopwright/api/testing";
import { type Db, newId, type PostgresDb } from "@shopwright/db";
import { queuedJobs } from "@shopwright/jobs";
import { sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { checkoutAs, createProduct, createSignedInUser, shopConfig, shoppersWithCart, tally } from "../shop.ts";

export interface DoubleRefundOptions {
  clicks: number;
  deliveries: number;
}

interface Effects {
  /** Refunds the provider was asked for. */
  providerRequests: number;
  /** Money the shop's books say went back. */
  refundedCents: number;
  /** Units put back on the shelf for one refunded unit. */
  unitsRestocked: number;
}

export interface DoubleRefundResult extends DoubleRefundOptions {
  naive: Effects;
  shop: Effects & { refunds: number; outcomes: Record<string, number> };
}

/** A shopper's order of one unit, paid through the payment webhook as the provider reports it. */
async function paidOrder(db: PostgresDb, deps: Parameters<typeof receivePaymentWebhook>[0]) {
  const product = await createProduct(db, { stock: 10, priceCents: 2_500 });
  const [shopper] = await shoppersWithCart(db, 1, product.id);
  const { order } = await checkoutAs(shopper!, randomUUID());
  const rawBody = JSON.stringify({
    id: newId("evt"),
    type: "payment.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: { paymentId: order.payment!.id, orderId: order.id, amountCents: order.totalCents },
  });
  await receivePaymentWebhook(deps, { rawBody, signature: signWebhook(deps.config.webhookSecret, rawBody) });
  const [item] = await db.execute<{ id: string }>(sql`select id from order_items where order_id = ${order.id}`);
  return { order, itemId: item!.id, productId: product.id };
}

const stockOf = async (db: Db, productId: string) =>
  (await db.execute<{ stock: number }>(sql`select stock from product_variants where product_id = ${productId}`))[0]!
    .stock;

export async function runDoubleRefund(db: PostgresDb, { clicks, deliveries }: DoubleRefundOptions) {
  const context = createTestContext(db, { config: shopConfig });
  const deps = { db, config: context.config, log: context.log };
  const admin = await createSignedInUser(db, { role: "admin", config: shopConfig });

  // THE WRONG WAY: every click asks the provider (which refunds each request it gets), and every
  // delivery of the webhook puts the unit back on the shelf.
  const naive = await paidOrder(db, deps);
  const provider = fakePaymentGateway();
  const naiveStockBefore = await stockOf(db, naive.productId);
  await Promise.all(
    Array.from({ length: clicks }, () =>
      provider.refundPayment({
        refundId: newId("rfd"),
        paymentId: naive.order.payment!.id,
        amountCents: naive.order.totalCents,
        reason: "Returned",
      }),
    ),
  );
  await Promise.all(
    Array.from({ length: deliveries }, () =>
      db.execute(sql`update product_variants set stock = stock + 1 where product_id = ${naive.productId}`),
    ),
  );

  // Shopwright: the same key from every click, then the same signed webhook delivered many times.
  const shop = await paidOrder(db, deps);
  const stockBefore = await stockOf(db, shop.productId);
  const input = {
    id: shop.order.id,
    idempotencyKey: `refund-${randomUUID()}`,
    lines: [{ itemId: shop.itemId, quantity: 1, restock: true }],
    reason: "Returned",
  };
  const answers = await Promise.all(Array.from({ length: clicks }, () => admin.caller.admin.orders.refund(input)));
  const refund = answers[0]!;
  const rawBody = JSON.stringify({
    id: newId("evr"),
    type: "refund.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: {
      refundId: refund.id,
      paymentId: shop.order.payment!.id,
      orderId: shop.order.id,
      amountCents: refund.amountCents,
    },
  });
  const signature = signWebhook(deps.config.webhookSecret, rawBody);
  const outcomes = await Promise.all(
    Array.from({ length: deliveries }, () =>
      receivePaymentWebhook(deps, { rawBody, signature }).then((r) => r.outcome),
    ),
  );
  const view = await admin.caller.admin.orders.byId({ id: shop.order.id });
  return {
    clicks,
    deliveries,
    naive: {
      providerRequests: provider.refunds.length,
      refundedCents: provider.refunds.reduce((sum, r) => sum + r.amountCents, 0),
      unitsRestocked: (await stockOf(db, naive.productId)) - naiveStockBefore,
    },
    shop: {
      refunds: new Set(answers.map((a) => a.id)).size,
      providerRequests: (await queuedJobs(db, "request_refund")).filter((j) => j.payload.refundId === refund.id).length,
      refundedCents: view.refundedCents,
      unitsRestocked: (await stockOf(db, shop.productId)) - stockBefore,
      outcomes: tally(outcomes),
    },
  } satisfies DoubleRefundResult;
}

export const doubleRefund: Experiment = {
  name: "double-refund",
  summary: "a Refund button clicked 3 times at once, and its refund.succeeded webhook delivered 4 times at once",
  page: "checkout.md",
  database: true,
  async run(db) {
    const r = await runDoubleRefund(requireDb(db), { clicks: 3, deliveries: 4 });
    const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    return {
      title: `double-refund: one $25.00 unit refunded by ${r.clicks} clicks at once, its webhook delivered ${r.deliveries} times`,
      sections: [
        {
          heading: "The wrong way: ask the provider on every click, restock on every delivery",
          rows: [
            ["refunds asked of the provider", r.naive.providerRequests],
            ["money given back", dollars(r.naive.refundedCents)],
            ["units back on the shelf", r.naive.unitsRestocked],
          ],
        },
        {
          heading: "Shopwright: admin.orders.refund (idempotency key, order row lock) and the refund webhook",
          rows: [
            ["refunds recorded", r.shop.refunds],
            ["refunds asked of the provider", r.shop.providerRequests],
            [
              "webhook outcomes",
              Object.entries(r.shop.outcomes)
                .map(([k, v]) => `${v} ${k}`)
                .join(", "),
            ],
            ["money given back", dollars(r.shop.refundedCents)],
            ["units back on the shelf", r.shop.unitsRestocked],
          ],
        },
      ],
      verdict:
        `The naive handler asked for ${r.naive.providerRequests} refunds of one unit and put ${r.naive.unitsRestocked} units back; ` +
        `the shop refunded once and restocked once.`,
    };
  },
};
