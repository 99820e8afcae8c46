/**
 * Payment retries racing each other and the shopper's approvals, on a Postgres server: however the
 * requests interleave, an order has one payment page that can take money at any moment.
 */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { receivePaymentWebhook } from "../payments/webhook.ts";
import { openShipping, testConfig } from "../testing/index.ts";
import { placeTestOrder, signedPaymentEvent } from "../testing/payments.ts";

const STORMS = 20;
/** Shoppers' tabs retrying at once, each several times in a row, so reads land between others' writes. */
const TABS = 5;
const RETRIES_PER_TAB = 3;

describe("payment retries on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
  });
  afterAll(() => db.close());

  it("takes money once per order when many retries and approvals race, storm after storm", async () => {
    const { payments } = ordersTables(db);
    const chargesPerOrder: number[] = [];
    for (let storm = 0; storm < STORMS; storm++) {
      // The per-order retry limit would otherwise stop most of the storm before the lock.
      const { order, shopper, gateway } = await placeTestOrder(db, { config: { rateLimits: false } });
      // A gateway answers after a moment, as a real one does: that is when the interleavings open.
      const createPayment = gateway.createPayment;
      gateway.createPayment = async (input) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        return createPayment(input);
      };
      const deps = { db, config: testConfig, log: silentLogger };
      await receivePaymentWebhook(deps, signedPaymentEvent(order.id, order.payment!, "payment.failed"));
      gateway.decide(order.payment!.id, "failed");

      const attempts = () => db.orm.select().from(payments).where(eq(payments.orderId, order.id));
      // The shopper (or someone holding their pages) approves every page that has been handed out.
      const approveAll = async () =>
        (await attempts()).filter((a) => a.paymentUrl).map((a) => gateway.decide(a.id, "succeeded"));
      await Promise.allSettled([
        ...Array.from({ length: TABS }, async () => {
          for (let i = 0; i < RETRIES_PER_TAB; i++) {
            await shopper.caller.orders.retryPayment({ id: order.id }).catch(() => undefined);
          }
        }),
        ...Array.from({ length: TABS }, approveAll),
      ]);
      await approveAll();

      chargesPerOrder.push([...gateway.decisions.values()].filter((status) => status === "succeeded").length);
    }
    expect(chargesPerOrder).toEqual(Array.from({ length: STORMS }, () => 1));
  });
});
