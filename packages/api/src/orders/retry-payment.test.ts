import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { paymentTasks } from "../payments/tasks.ts";
import { receivePaymentWebhook } from "../payments/webhook.ts";
import { createSignedInUser, openShipping, testConfig, testJobHelpers } from "../testing/index.ts";
import { placeTestOrder, signedPaymentEvent } from "../testing/payments.ts";

describe(`paying again, and voiding what will not be paid, on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const webhook = (
    orderId: string,
    payment: { id: string; amountCents: number },
    type: "payment.succeeded" | "payment.failed",
  ) => receivePaymentWebhook({ db, config: testConfig, log: silentLogger }, signedPaymentEvent(orderId, payment, type));

  it("declined, then retried with a new gateway payment, then paid", async () => {
    const { order, shopper, gateway, view } = await placeTestOrder(db);
    const first = order.payment!;
    gateway.decide(first.id, "failed");
    await webhook(order.id, first, "payment.failed");

    const { paymentUrl } = await shopper.caller.orders.retryPayment({ id: order.id });
    const retried = await view();
    expect(retried.status).toBe("placed");
    expect(retried.payment).toMatchObject({ status: "pending", amountCents: first.amountCents });
    expect(retried.payment?.id).not.toBe(first.id);
    expect(paymentUrl).toBe(`https://gateway.test/pay/${retried.payment!.id}`);
    expect(retried.paymentUrl).toBe(paymentUrl);
    expect(gateway.calls.map((c) => c.paymentId)).toEqual([first.id, retried.payment!.id]);

    await webhook(order.id, retried.payment!, "payment.succeeded");
    const paid = await view();
    expect(paid.status).toBe("processing");
    expect(paid.payment?.status).toBe("succeeded");
    await expect(shopper.caller.orders.retryPayment({ id: order.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("voids an abandoned payment at the gateway before opening a new one", async () => {
    const { order, shopper, gateway, view } = await placeTestOrder(db);
    const first = order.payment!;
    await shopper.caller.orders.retryPayment({ id: order.id });
    expect(gateway.voids).toEqual([first.id]);
    // The old hosted page can no longer take money.
    expect(gateway.decide(first.id, "succeeded")).toBe(false);
    expect((await view()).payment?.id).not.toBe(first.id);
  });

  it("opens nothing new when the abandoned payment went through after all", async () => {
    const { order, shopper, gateway, view } = await placeTestOrder(db);
    gateway.decide(order.payment!.id, "succeeded");
    await expect(shopper.caller.orders.retryPayment({ id: order.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/went through/),
    });
    expect((await view()).payment?.id).toBe(order.payment!.id);
    expect(gateway.calls).toHaveLength(1);
  });

  it("lets a shopper pay again 5 times a minute per order, then says when to try again", async () => {
    const { order, shopper, view } = await placeTestOrder(db);
    for (let i = 0; i < 5; i++) await shopper.caller.orders.retryPayment({ id: order.id });
    const last = (await view()).payment?.id;
    await expect(shopper.caller.orders.retryPayment({ id: order.id })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      cause: { details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect((await view()).payment?.id).toBe(last);
  });

  it("refuses another shopper's order, a cancelled order and one past its deadline, changing nothing", async () => {
    const { order, shopper, view } = await placeTestOrder(db);
    const stranger = await createSignedInUser(db);
    await expect(stranger.caller.orders.retryPayment({ id: order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shopper.caller.orders.retryPayment({ id: "ord_missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { payments } = ordersTables(db);
    await db.orm
      .update(payments)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(payments.orderId, order.id));
    await expect(shopper.caller.orders.retryPayment({ id: order.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await view()).payment?.id).toBe(order.payment!.id);

    const other = await placeTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: other.order.id, status: "cancelled" });
    await expect(other.shopper.caller.orders.retryPayment({ id: other.order.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("voids the open payment of a cancelled order through the job cancelling enqueues", async () => {
    const { order, gateway, view } = await placeTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: order.id, status: "cancelled" });
    const jobs = (await queuedJobs(db, "void_order_payments")).filter((j) => j.payload.orderId === order.id);
    expect(jobs).toHaveLength(1);
    const run = paymentTasks({ db, config: testConfig, gateway }).void_order_payments!;
    await run({ orderId: order.id }, testJobHelpers());
    expect(gateway.voids).toEqual([order.payment!.id]);
    expect(gateway.decide(order.payment!.id, "succeeded")).toBe(false);
    const after = await view();
    expect(after.payment?.status).toBe("failed");
    expect(after.paymentUrl).toBeNull();
  });
});
