/** Payment events racing each other, the expiry job and replays, on a Postgres server. */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { createProduct, fillCart, testAddress } from "../testing/fixtures.ts";
import { createSignedInUser, testConfig } from "../testing/index.ts";
import { expireUnpaidOrder } from "./expiry.ts";
import { signWebhook } from "./signature.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe("payment webhooks on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
  });
  afterAll(() => db.close());

  const deps = () => ({ db, config: testConfig, log: silentLogger });

  async function placeOrder(productId: string) {
    const shopper = await createSignedInUser(db);
    await fillCart(db, shopper.id, [{ productId, quantity: 1 }]);
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: `o-${shopper.id}`,
      shippingAddress: testAddress,
    });
    return { order, view: () => shopper.caller.orders.byId({ id: order.id }) };
  }

  function delivery(
    order: { id: string; payment: { id: string; amountCents: number } | null },
    type: string,
    id: string,
  ) {
    const rawBody = JSON.stringify({
      id,
      type,
      created: Math.floor(Date.now() / 1000),
      data: { paymentId: order.payment!.id, orderId: order.id, amountCents: order.payment!.amountCents },
    });
    return { rawBody, signature: signWebhook(testConfig.webhookSecret, rawBody) };
  }

  it("applies one event delivered many times at once exactly once", async () => {
    const product = await createProduct(db, { stock: 5 });
    const { order, view } = await placeOrder(product.id);
    const event = delivery(order, "payment.succeeded", "evt_concurrent_1");
    const results = await Promise.all(Array.from({ length: 12 }, () => receivePaymentWebhook(deps(), event)));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(11);
    expect((await view()).statusHistory.map((h) => h.status)).toEqual(["placed", "processing"]);
    const emails = (await queuedJobs(db, "send_order_confirmation")).filter((j) => j.payload.orderId === order.id);
    expect(emails).toHaveLength(1);
  });

  it("settles each order once when success, failure and expiry race, and restocks only cancelled ones", async () => {
    const product = await createProduct(db, { stock: 20 });
    const orders = await Promise.all(Array.from({ length: 10 }, () => placeOrder(product.id)));
    const { payments, products } = db.tables;
    await db.orm.update(payments).set({ expiresAt: new Date(Date.now() - 1_000) });

    await Promise.allSettled(
      orders.flatMap(({ order }, i) => [
        receivePaymentWebhook(deps(), delivery(order, "payment.succeeded", `evt_race_ok_${i}`)),
        receivePaymentWebhook(deps(), delivery(order, "payment.failed", `evt_race_ko_${i}`)),
        expireUnpaidOrder(db, order.id),
      ]),
    );

    let stillSold = 0;
    for (const { view } of orders) {
      const after = await view();
      if (after.payment?.status === "succeeded") {
        expect(after.status).toBe("processing");
        stillSold += 1;
      } else {
        expect(after.payment?.status).toBe("failed");
        expect(after.status).toBe("cancelled");
      }
      expect(after.statusHistory).toHaveLength(2);
    }
    const [row] = await db.orm.select({ stock: products.stock }).from(products).where(eq(products.id, product.id));
    expect(row?.stock).toBe(20 - stillSold);
  });
});
