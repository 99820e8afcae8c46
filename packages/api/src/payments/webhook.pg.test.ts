/** Payment events racing each other, the expiry job and replays, on a Postgres server. */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser, testConfig } from "../testing/index.ts";
import { placeTestOrder, signedPaymentEvent } from "../testing/payments.ts";
import { expireUnpaidOrder } from "./expiry.ts";
import { signWebhook } from "./signature.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe("payment webhooks on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
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

  it("settles each order once when success, failure and expiry race, restocks only cancelled ones and flags their refunds", async () => {
    const product = await createProduct(db, { stock: 20 });
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    const orders = await Promise.all(Array.from({ length: 10 }, () => placeOrder(product.id)));
    const { payments } = ordersTables(db);
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
      if (after.status === "processing") {
        expect(after.payment?.status).toBe("succeeded");
        stillSold += 1;
      } else {
        // Expired first: the success that followed is money taken for a cancelled order.
        expect(after.status).toBe("cancelled");
        expect(["failed", "succeeded"]).toContain(after.payment?.status);
      }
      expect(after.statusHistory).toHaveLength(2);
    }
    const { items } = await admin.admin.orders.list({ pageSize: 100 });
    for (const { order } of orders) {
      const listed = items.find((i) => i.id === order.id)!;
      expect(listed.needsRefund).toBe(listed.status === "cancelled" && listed.paymentStatus === "succeeded");
    }
    expect(await variantStock(db, product.variantId)).toBe(20 - stillSold);
  });

  it("opens one new payment attempt when a shopper retries many times at once", async () => {
    // More at once than the per-order retry limit lets through, which is what this is about.
    const { order, shopper, gateway, view } = await placeTestOrder(db, { config: { rateLimits: false } });
    await receivePaymentWebhook(deps(), signedPaymentEvent(order.id, order.payment!, "payment.failed"));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => shopper.caller.orders.retryPayment({ id: order.id })),
    );
    const after = await view();
    expect(new Set(results.map((r) => r.paymentUrl))).toEqual(
      new Set([`https://gateway.test/pay/${after.payment!.id}`]),
    );
    const { payments } = ordersTables(db);
    const attempts = await db.orm.select().from(payments).where(eq(payments.orderId, order.id));
    expect(attempts.map((a) => [a.attempt, a.status]).sort()).toEqual([
      [1, "failed"],
      [2, "pending"],
    ]);
    expect(new Set(gateway.calls.map((c) => c.paymentId)).size).toBe(2);
  });

  it("applies one success when two attempts for one order succeed at once, and flags the other for a refund", async () => {
    const { order, shopper, view } = await placeTestOrder(db);
    await receivePaymentWebhook(deps(), signedPaymentEvent(order.id, order.payment!, "payment.failed"));
    await shopper.caller.orders.retryPayment({ id: order.id });
    const second = (await view()).payment!;
    // The first attempt's page was declined; a forged-looking but signed late success for it races
    // the genuine one: whichever lands second is money the order cannot use.
    const outcomes = await Promise.all([
      receivePaymentWebhook(deps(), signedPaymentEvent(order.id, order.payment!, "payment.succeeded")),
      receivePaymentWebhook(deps(), signedPaymentEvent(order.id, second, "payment.succeeded")),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["applied", "refund_needed"]);
    const after = await view();
    expect(after.status).toBe("processing");
    expect(after.statusHistory.map((h) => h.status)).toEqual(["placed", "processing"]);
    const { payments } = ordersTables(db);
    const attempts = await db.orm.select().from(payments).where(eq(payments.orderId, order.id));
    expect(attempts.every((a) => a.status === "succeeded")).toBe(true);
    expect(attempts.filter((a) => a.refundNeededAt !== null)).toHaveLength(1);
  });
});
