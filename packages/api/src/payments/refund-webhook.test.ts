import type { Db } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { openShipping, testConfig } from "../testing/index.ts";
import { placePaidOrder, signedRefundEvent } from "../testing/refunds.ts";
import { signWebhook } from "./signature.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe(`refund webhooks on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const deps = () => ({ db, config: testConfig, log: silentLogger });
  let keys = 0;

  async function pendingRefund() {
    const paid = await placePaidOrder(db);
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: `webhook-refund-${++keys}`,
      lines: [{ itemId: paid.itemOf(0).id, quantity: 2, restock: true }],
      reason: "Wrong size",
    });
    return { ...paid, refund };
  }

  async function status(refundId: string) {
    const { refunds } = paymentsTables(db);
    const [row] = await db.orm.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, refundId));
    return row?.status;
  }

  it("refuses a forged, tampered or stale refund event with BAD_REQUEST, changing nothing", async () => {
    const { order, refund, stockOf } = await pendingRefund();
    const good = signedRefundEvent(order, refund, "refund.succeeded");
    const attempts = [
      { rawBody: good.rawBody, signature: signWebhook("not-the-shop-secret", good.rawBody) },
      { rawBody: good.rawBody.replace('"refund.succeeded"', '"refund.failed"'), signature: good.signature },
      {
        rawBody: good.rawBody,
        signature: signWebhook(testConfig.webhookSecret, good.rawBody, new Date(Date.now() - 6 * 60_000)),
      },
      { rawBody: good.rawBody, signature: undefined },
    ];
    for (const attempt of attempts) {
      await expect(receivePaymentWebhook(deps(), attempt)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await status(refund.id)).toBe("pending");
    expect(await stockOf(0)).toBe(8);
    expect((await receivePaymentWebhook(deps(), good)).outcome).toBe("applied");
    expect(await stockOf(0)).toBe(10);
  });

  it("applies a replayed refund event once: the stock goes back once", async () => {
    const { order, refund, stockOf, view } = await pendingRefund();
    const delivery = signedRefundEvent(order, refund, "refund.succeeded");
    expect((await receivePaymentWebhook(deps(), delivery)).outcome).toBe("applied");
    expect((await receivePaymentWebhook(deps(), delivery)).outcome).toBe("duplicate");
    // The same outcome under a new event id (a provider resending) changes nothing either.
    expect((await receivePaymentWebhook(deps(), signedRefundEvent(order, refund, "refund.succeeded"))).outcome).toBe(
      "ignored",
    );
    expect(await stockOf(0)).toBe(10);
    expect((await view()).refundedCents).toBe(2_000);
  });

  it("refuses a refund event for a refund or payment the shop does not know", async () => {
    const { order, refund } = await pendingRefund();
    const unknownRefund = signedRefundEvent(order, { id: "rfd_unknown", amountCents: 2_000 }, "refund.succeeded");
    await expect(receivePaymentWebhook(deps(), unknownRefund)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Unknown refund",
    });
    const otherPayment = signedRefundEvent(
      { id: order.id, payment: { id: "pay_unknown" } },
      refund,
      "refund.succeeded",
    );
    expect((await receivePaymentWebhook(deps(), otherPayment)).outcome).toBe("amount_mismatch");
    const wrongAmount = signedRefundEvent(order, refund, "refund.succeeded", { amountCents: 9_999 });
    expect((await receivePaymentWebhook(deps(), wrongAmount)).outcome).toBe("amount_mismatch");
    expect(await status(refund.id)).toBe("pending");
  });
});
