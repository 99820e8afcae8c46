import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { createSignedInUser, openShipping, testConfig, testJobHelpers } from "../testing/index.ts";
import { placeTestOrder, signedPaymentEvent } from "../testing/payments.ts";
import { signWebhook } from "./signature.ts";
import { paymentTasks } from "./tasks.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe(`payment webhooks on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const deps = () => ({ db, config: testConfig, log: silentLogger });
  const placeOrder = () => placeTestOrder(db);

  /** The gateway's event for the order's payment, with a different id or amount when a test asks. */
  function event(
    order: { id: string; payment: { id: string; amountCents: number } | null },
    type: "payment.succeeded" | "payment.failed",
    overrides: { id?: string; amountCents?: number } = {},
  ) {
    const payment = { id: order.payment!.id, amountCents: overrides.amountCents ?? order.payment!.amountCents };
    return signedPaymentEvent(order.id, payment, type, overrides.id);
  }

  it("moves a paid order to processing and enqueues its confirmation email", async () => {
    const { order, view } = await placeOrder();
    const result = await receivePaymentWebhook(deps(), event(order, "payment.succeeded"));
    expect(result.outcome).toBe("applied");
    const after = await view();
    expect(after.status).toBe("processing");
    expect(after.payment?.status).toBe("succeeded");
    expect(after.paymentUrl).toBeNull();
    expect(after.statusHistory.at(-1)).toMatchObject({ status: "processing", actor: "payments" });
    const confirmations = await queuedJobs(db, "send_order_confirmation");
    expect(confirmations.filter((j) => j.payload.orderId === order.id)).toEqual([
      expect.objectContaining({ jobKey: `order-confirmation:${order.id}` }),
    ]);
  });

  it("leaves a declined order placed with its payment failed and its stock still held", async () => {
    const { order, view, stock } = await placeOrder();
    expect(await stock()).toBe(3);
    expect((await receivePaymentWebhook(deps(), event(order, "payment.failed"))).outcome).toBe("applied");
    const after = await view();
    expect(after.status).toBe("placed");
    expect(after.payment?.status).toBe("failed");
    expect(after.paymentUrl).toBeNull();
    expect(after.canRetryPayment).toBe(true);
    expect(await stock()).toBe(3);
  });

  it("refuses a bad signature, a tampered body and a stale timestamp with BAD_REQUEST, changing nothing", async () => {
    const { order, view } = await placeOrder();
    const good = event(order, "payment.succeeded");
    const wrongKey = signWebhook("another-secret-entirely", good.rawBody);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const attempts = [
      { rawBody: good.rawBody, signature: wrongKey },
      { rawBody: good.rawBody.replace('"payment.succeeded"', '"payment.failed"'), signature: good.signature },
      { rawBody: good.rawBody, signature: signWebhook(testConfig.webhookSecret, good.rawBody, sixMinutesAgo) },
      { rawBody: good.rawBody, signature: undefined },
      { rawBody: good.rawBody, signature: "t=abc,v1=zz" },
    ];
    for (const attempt of attempts) {
      await expect(receivePaymentWebhook(deps(), attempt)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await view()).status).toBe("placed");
    // The genuine event still goes through afterwards: nothing was recorded for the forgeries.
    expect((await receivePaymentWebhook(deps(), good)).outcome).toBe("applied");
  });

  it("ignores a replayed event id", async () => {
    const { order, view } = await placeOrder();
    const delivery = event(order, "payment.succeeded");
    await receivePaymentWebhook(deps(), delivery);
    const replay = await receivePaymentWebhook(deps(), delivery);
    expect(replay.outcome).toBe("duplicate");
    const after = await view();
    expect(after.statusHistory.map((h) => h.status)).toEqual(["placed", "processing"]);
  });

  it("ignores a failure arriving after the success", async () => {
    const paid = await placeOrder();
    await receivePaymentWebhook(deps(), event(paid.order, "payment.succeeded"));
    const late = await receivePaymentWebhook(deps(), event(paid.order, "payment.failed"));
    expect(late.outcome).toBe("ignored");
    expect((await paid.view()).status).toBe("processing");
    expect(await paid.stock()).toBe(3);
  });

  it("records a success for a cancelled order and flags it to the admin for a refund", async () => {
    const { order, view, stock } = await placeOrder();
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: order.id, status: "cancelled" });
    const late = await receivePaymentWebhook(deps(), event(order, "payment.succeeded"));
    expect(late.outcome).toBe("refund_needed");
    const after = await view();
    expect(after.status).toBe("cancelled");
    expect(after.payment?.status).toBe("succeeded");
    expect(await stock()).toBe(5);
    const detail = await admin.admin.orders.byId({ id: order.id });
    expect(detail.needsRefund).toBe(true);
    expect(detail.paymentAttempts).toEqual([
      expect.objectContaining({ status: "succeeded", refundNeededAt: expect.any(Date) }),
    ]);
    // A number also matches emails that contain its digits (ids are random), so the order is one of the results.
    const { items } = await admin.admin.orders.list({ q: String(order.number) });
    expect(items).toContainEqual(
      expect.objectContaining({ id: order.id, needsRefund: true, paymentStatus: "succeeded" }),
    );
  });

  it("records but does not apply an event whose amount does not match the payment", async () => {
    const { order, view } = await placeOrder();
    const wrong = event(order, "payment.succeeded", { amountCents: 1 });
    expect((await receivePaymentWebhook(deps(), wrong)).outcome).toBe("amount_mismatch");
    const after = await view();
    expect(after.status).toBe("placed");
    expect(after.payment?.status).toBe("pending");
  });

  it("refuses a well-signed event for a payment it does not know", async () => {
    const body = JSON.stringify({
      id: "evt_unknown",
      type: "payment.succeeded",
      created: 0,
      data: { paymentId: "pay_missing", orderId: "ord_missing", amountCents: 100 },
    });
    await expect(
      receivePaymentWebhook(deps(), { rawBody: body, signature: signWebhook(testConfig.webhookSecret, body) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("cancels and restocks an order still unpaid at its deadline, and leaves paid or early ones alone", async () => {
    const expire = paymentTasks(deps()).expire_unpaid_order!;
    const helpers = testJobHelpers();
    const { payments } = ordersTables(db);
    const overdue = async (orderId: string) =>
      db.orm
        .update(payments)
        .set({ expiresAt: new Date(Date.now() - 1_000) })
        .where(eq(payments.orderId, orderId));

    const unpaid = await placeOrder();
    await expire({ orderId: unpaid.order.id }, helpers);
    expect((await unpaid.view()).status).toBe("placed");
    await overdue(unpaid.order.id);
    await expire({ orderId: unpaid.order.id }, helpers);
    await expire({ orderId: unpaid.order.id }, helpers);
    const after = await unpaid.view();
    expect(after.status).toBe("cancelled");
    expect(after.payment?.status).toBe("failed");
    expect(after.canRetryPayment).toBe(false);
    expect(after.statusHistory.at(-1)).toMatchObject({ status: "cancelled", actor: "system" });
    expect(await unpaid.stock()).toBe(5);

    // A declined order waits for a retry, but not past its deadline.
    const declined = await placeOrder();
    await receivePaymentWebhook(deps(), event(declined.order, "payment.failed"));
    await overdue(declined.order.id);
    await expire({ orderId: declined.order.id }, helpers);
    expect((await declined.view()).status).toBe("cancelled");
    expect(await declined.stock()).toBe(5);

    const paid = await placeOrder();
    await receivePaymentWebhook(deps(), event(paid.order, "payment.succeeded"));
    await overdue(paid.order.id);
    await expire({ orderId: paid.order.id }, helpers);
    expect((await paid.view()).status).toBe("processing");
    expect(await paid.stock()).toBe(3);
  });
});
