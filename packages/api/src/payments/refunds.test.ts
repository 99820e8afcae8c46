import type { Db } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { sendRefundEmail } from "../notifications/refund-email.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import { fakePaymentGateway, openShipping, testConfig, testJobHelpers } from "../testing/index.ts";
import { signedPaymentEvent } from "../testing/payments.ts";
import { placePaidOrder, signedRefundEvent } from "../testing/refunds.ts";
import { paymentTasks } from "./tasks.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe(`refunds on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const deps = () => ({ db, config: testConfig, log: silentLogger });
  let keys = 0;
  const key = () => `refund-key-${++keys}`;

  async function refundRows(orderId: string) {
    const { refunds } = paymentsTables(db);
    return (await db.orm.select().from(refunds)).filter((r) => r.orderId === orderId);
  }

  it("refunds one line of a three-line order: pending at once, then paid back, restocked and emailed on success", async () => {
    const paid = await placePaidOrder(db);
    const line = paid.itemOf(1);
    expect(await paid.stockOf(1)).toBe(9);
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: line.id, quantity: 1, restock: true }],
      reason: "Arrived damaged",
    });
    expect(refund).toMatchObject({ status: "pending", amountCents: 2_500 });
    // Nothing moves before the provider says so.
    expect(await paid.stockOf(1)).toBe(9);
    const before = await paid.adminView();
    expect(before).toMatchObject({ paidCents: 5_997, refundedCents: 0, refundableCents: 3_497 });
    expect(before.lines.find((l) => l.itemId === line.id)).toMatchObject({ refundableQuantity: 0 });

    const gateway = fakePaymentGateway();
    await paymentTasks({ db, config: testConfig, gateway }).request_refund!({ refundId: refund.id }, testJobHelpers());
    expect(gateway.refunds).toEqual([
      { refundId: refund.id, paymentId: paid.order.payment!.id, amountCents: 2_500, reason: "Arrived damaged" },
    ]);

    const settled = await receivePaymentWebhook(deps(), signedRefundEvent(paid.order, refund, "refund.succeeded"));
    expect(settled.outcome).toBe("applied");
    expect(await paid.stockOf(1)).toBe(10);
    expect(await paid.stockOf(0)).toBe(8);
    const shopperView = await paid.view();
    expect(shopperView.payment?.status).toBe("partially_refunded");
    expect(shopperView.refundedCents).toBe(2_500);
    expect(shopperView.refunds).toEqual([
      { id: refund.id, amountCents: 2_500, status: "succeeded", reason: "Arrived damaged", at: expect.any(Date) },
    ]);
    const emails = (await queuedJobs(db, "send_refund_email")).filter((j) => j.payload.refundId === refund.id);
    expect(emails).toHaveLength(1);
    const mailer = recordingMailer();
    expect(await sendRefundEmail({ db, config: testConfig, mailer }, refund.id)).toMatchObject({ status: "sent" });
    expect(mailer.sent[0]?.subject).toBe(`We refunded $25.00 for your order #${paid.order.number}`);
    expect(mailer.sent[0]?.text).toContain("Reason: Arrived damaged");
  });

  it("refunds part of a line's units, then the rest, then the remainder as a custom amount, ending refunded", async () => {
    const paid = await placePaidOrder(db);
    const shirts = paid.itemOf(2);
    const settle = async (input: Parameters<typeof paid.admin.admin.orders.refund>[0]) => {
      const refund = await paid.admin.admin.orders.refund(input);
      await receivePaymentWebhook(deps(), signedRefundEvent(paid.order, refund, "refund.succeeded"));
      return refund;
    };
    const first = await settle({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: shirts.id, quantity: 2, restock: false }],
      reason: "Returned two",
    });
    expect(first.amountCents).toBe(998);
    const second = await settle({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: shirts.id, quantity: 1, restock: false }],
      reason: "Returned the third",
    });
    expect(second.amountCents).toBe(499);
    expect(await paid.stockOf(2)).toBe(7);
    expect((await paid.view()).payment?.status).toBe("partially_refunded");
    await settle({ id: paid.order.id, idempotencyKey: key(), amountCents: 5_997 - 998 - 499, reason: "Goodwill" });
    const after = await paid.view();
    expect(after.payment?.status).toBe("refunded");
    // The dashboard's revenue counts this order for nothing now.
    const revenue = (await paid.admin.admin.stats()).revenue.today;
    const refundedOrder = await placePaidOrder(db);
    expect((await paid.admin.admin.stats()).revenue.today.cents - revenue.cents).toBe(5_997);
    await refundedOrder.admin.admin.orders.refund({
      id: refundedOrder.order.id,
      idempotencyKey: key(),
      amountCents: 997,
      reason: "Late",
    });
    expect((await paid.admin.admin.stats()).revenue.today.cents - revenue.cents).toBe(5_000);
    expect(after.refundedCents).toBe(5_997);
    await expect(
      paid.admin.admin.orders.refund({ id: paid.order.id, idempotencyKey: key(), amountCents: 1, reason: "More" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This order has been refunded in full already" });
  });

  it("a failed refund changes nothing, says why, and frees its money and units to refund again", async () => {
    const paid = await placePaidOrder(db);
    const line = paid.itemOf(0);
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: line.id, quantity: 2, restock: true }],
      reason: "Changed their mind",
    });
    const failed = signedRefundEvent(paid.order, refund, "refund.failed", { failureReason: "Card closed" });
    expect((await receivePaymentWebhook(deps(), failed)).outcome).toBe("applied");
    expect(await paid.stockOf(0)).toBe(8);
    const view = await paid.adminView();
    expect(view.payment?.status).toBe("succeeded");
    expect(view).toMatchObject({ refundedCents: 0, refundableCents: 5_997 });
    expect(view.refunds).toEqual([expect.objectContaining({ status: "failed", failureReason: "Card closed" })]);
    expect(await queuedJobs(db, "send_refund_email")).not.toContainEqual(
      expect.objectContaining({ payload: expect.objectContaining({ refundId: refund.id }) }),
    );
    // A success arriving after the failure is too late: the first outcome stands.
    const late = await receivePaymentWebhook(deps(), signedRefundEvent(paid.order, refund, "refund.succeeded"));
    expect(late.outcome).toBe("ignored");
    expect(await paid.stockOf(0)).toBe(8);
    const again = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: line.id, quantity: 2, restock: true }],
      reason: "Changed their mind",
    });
    expect(again.amountCents).toBe(2_000);
  });

  it("answers the same idempotency key with the same refund, and refuses it for a different refund", async () => {
    const paid = await placePaidOrder(db);
    const input = { id: paid.order.id, idempotencyKey: key(), amountCents: 500, reason: "Late delivery" };
    const first = await paid.admin.admin.orders.refund(input);
    const second = await paid.admin.admin.orders.refund(input);
    expect(second).toEqual(first);
    await expect(paid.admin.admin.orders.refund({ ...input, amountCents: 600 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This idempotency key was already used for a different refund",
    });
    expect(await refundRows(paid.order.id)).toHaveLength(1);
  });

  it("refuses bad refunds with a sentence, writing nothing", async () => {
    const paid = await placePaidOrder(db);
    const line = paid.itemOf(0);
    const refund = (input: Record<string, unknown>) =>
      paid.admin.admin.orders.refund({ id: paid.order.id, idempotencyKey: key(), reason: "Test", ...input });
    const refusals: [Record<string, unknown>, string, string][] = [
      [{}, "BAD_REQUEST", "Choose lines, shipping or an amount to refund: this refund is $0.00"],
      [{ amountCents: 0 }, "BAD_REQUEST", "Choose lines, shipping or an amount to refund: this refund is $0.00"],
      [{ amountCents: 6_000 }, "BAD_REQUEST", "This refund of $60.00 is more than the $59.97 left to refund"],
      [
        { lines: [{ itemId: line.id, quantity: 3, restock: false }] },
        "BAD_REQUEST",
        `${line.name}: 3 were asked, but the order has 2`,
      ],
      [
        { lines: [{ itemId: "oi_nope", quantity: 1, restock: false }] },
        "BAD_REQUEST",
        "That line is not on this order",
      ],
      [{ shippingCents: 100 }, "BAD_REQUEST", "There is no shipping left to refund on this order"],
    ];
    for (const [input, code, message] of refusals) {
      await expect(refund(input)).rejects.toMatchObject({ code, message });
    }
    await expect(refund({ amountCents: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refund({ lines: [{ itemId: line.id, quantity: 0, restock: false }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(refund({ amountCents: 10, reason: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await refundRows(paid.order.id)).toEqual([]);

    const unpaid = await placePaidOrder(db, undefined, { pay: false });
    await expect(
      unpaid.admin.admin.orders.refund({
        id: unpaid.order.id,
        idempotencyKey: key(),
        amountCents: 100,
        reason: "Test",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This order has not been paid, so there is nothing to refund",
    });
  });

  it("refunds a cancelled paid order in full, refusing to restock what the cancellation put back", async () => {
    const paid = await placePaidOrder(db);
    await paid.admin.admin.orders.setStatus({ id: paid.order.id, status: "cancelled" });
    expect(await paid.stockOf(0)).toBe(10);
    const lines = [0, 1, 2].map((i) => ({
      itemId: paid.itemOf(i).id,
      quantity: paid.itemOf(i).quantity,
      restock: true,
    }));
    await expect(
      paid.admin.admin.orders.refund({ id: paid.order.id, idempotencyKey: key(), lines, reason: "Cancelled" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already put its units back in stock"),
    });
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: lines.map((l) => ({ ...l, restock: false })),
      reason: "Cancelled",
    });
    expect(refund.amountCents).toBe(5_997);
    await receivePaymentWebhook(deps(), signedRefundEvent(paid.order, refund, "refund.succeeded"));
    expect([await paid.stockOf(0), await paid.stockOf(1), await paid.stockOf(2)]).toEqual([10, 10, 10]);
    expect((await paid.view()).payment?.status).toBe("refunded");
  });

  it("puts refunded units back once when the order is cancelled afterwards", async () => {
    const paid = await placePaidOrder(db);
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: key(),
      lines: [{ itemId: paid.itemOf(0).id, quantity: 1, restock: true }],
      reason: "One broke",
    });
    await receivePaymentWebhook(deps(), signedRefundEvent(paid.order, refund, "refund.succeeded"));
    expect(await paid.stockOf(0)).toBe(9);
    await paid.admin.admin.orders.setStatus({ id: paid.order.id, status: "cancelled" });
    expect(await paid.stockOf(0)).toBe(10);
  });

  it("a payment taken after the order was cancelled is flagged until refunded in full, then the flag clears", async () => {
    const unpaid = await placePaidOrder(db, undefined, { pay: false });
    await unpaid.admin.admin.orders.setStatus({ id: unpaid.order.id, status: "cancelled" });
    await receivePaymentWebhook(
      deps(),
      signedPaymentEvent(unpaid.order.id, unpaid.order.payment!, "payment.succeeded"),
    );
    const flagged = await unpaid.adminView();
    expect(flagged.needsRefund).toBe(true);
    expect(flagged.refundableCents).toBe(5_997);
    const refund = await unpaid.admin.admin.orders.refund({
      id: unpaid.order.id,
      idempotencyKey: key(),
      amountCents: flagged.refundableCents,
      reason: "Paid after cancelling",
    });
    await receivePaymentWebhook(deps(), signedRefundEvent(unpaid.order, refund, "refund.succeeded"));
    const after = await unpaid.adminView();
    expect(after.needsRefund).toBe(false);
    expect(after.payment?.status).toBe("refunded");
    const { items } = await unpaid.admin.admin.orders.list({ q: String(unpaid.order.number) });
    expect(items).toContainEqual(
      expect.objectContaining({ id: unpaid.order.id, needsRefund: false, paymentStatus: "refunded" }),
    );
  });
});
