import type { Db } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import {
  createCaller,
  createProduct,
  createSignedInUser,
  createTestContext,
  fakePaymentGateway,
  fillCart,
  openShipping,
  testAddress,
  testConfig,
} from "../testing/index.ts";
import { placeTestOrder, signedPaymentEvent } from "../testing/payments.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe(`payments.simulate on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  it("asks the provider to decide the order's open payment, and the order waits for the webhook", async () => {
    const { order, shopper, gateway, view } = await placeTestOrder(db);
    await expect(shopper.caller.payments.simulate({ orderId: order.id, decision: "approve" })).resolves.toEqual({
      ok: true,
    });
    expect(gateway.simulated).toEqual([{ paymentId: order.payment!.id, decision: "approve" }]);
    // The provider's webhook, not the call, moves the order: exactly as after a click on its page.
    expect((await view()).status).toBe("placed");
    const event = signedPaymentEvent(order.id, order.payment!, "payment.succeeded");
    await receivePaymentWebhook({ db, config: testConfig, log: silentLogger }, event);
    expect(await view()).toMatchObject({ status: "processing", payment: { status: "succeeded" } });
    await expect(shopper.caller.payments.simulate({ orderId: order.id, decision: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This order is already paid",
    });
  });

  it("lets the first decision stand and says so; the same decision again is harmless", async () => {
    const { order, shopper, gateway } = await placeTestOrder(db);
    const decline = { orderId: order.id, decision: "decline" } as const;
    await shopper.caller.payments.simulate(decline);
    await expect(shopper.caller.payments.simulate(decline)).resolves.toEqual({ ok: true });
    await expect(shopper.caller.payments.simulate({ ...decline, decision: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This payment was already declined; orders.retryPayment starts a new one",
    });
    expect(gateway.decisions.get(order.payment!.id)).toBe("failed");
  });

  it("treats another shopper's order as missing and asks the provider nothing", async () => {
    const { order, gateway } = await placeTestOrder(db);
    const stranger = await createSignedInUser(db, { gateway });
    await expect(stranger.caller.payments.simulate({ orderId: order.id, decision: "approve" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(gateway.simulated).toEqual([]);
  });

  it("is refused in production mode, before anything is read or asked", async () => {
    const { order, shopper, gateway } = await placeTestOrder(db);
    const production = createCaller(
      createTestContext(db, {
        config: { simulatedPayments: false },
        gateway,
        req: { accessToken: shopper.accessToken },
      }),
    );
    await expect(production.payments.simulate({ orderId: order.id, decision: "approve" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Simulated payments are refused in production mode (NODE_ENV=production)",
    });
    expect(gateway.simulated).toEqual([]);
  });

  it("says how to go on when the provider never registered the payment", async () => {
    const gateway = fakePaymentGateway();
    gateway.failing = true;
    const shopper = await createSignedInUser(db, { gateway });
    const product = await createProduct(db, { stock: 3 });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    // The order is placed, but its payment has no hosted page until the provider answers.
    const { order, paymentUrl } = await shopper.caller.orders.checkout({
      idempotencyKey: `unregistered-${shopper.id}`,
      shippingAddress: testAddress,
    });
    expect(paymentUrl).toBeNull();
    gateway.failing = false;
    await expect(shopper.caller.payments.simulate({ orderId: order.id, decision: "approve" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The payment provider has not registered this payment yet; orders.retryPayment registers it",
    });
    expect(gateway.simulated).toEqual([]);
  });

  it("says the provider did not answer, as an outage to retry, when it is unreachable", async () => {
    const { order, shopper, gateway, view } = await placeTestOrder(db);
    gateway.failing = true;
    const approve = { orderId: order.id, decision: "approve" } as const;
    await expect(shopper.caller.payments.simulate(approve)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "The payment provider did not answer; try again in a moment",
    });
    expect((await view()).status).toBe("placed");
    gateway.failing = false;
    await expect(shopper.caller.payments.simulate(approve)).resolves.toEqual({ ok: true });
  });

  it("refuses a decision that is neither approve nor decline", async () => {
    const { order, shopper } = await placeTestOrder(db);
    await expect(
      shopper.caller.payments.simulate({ orderId: order.id, decision: "maybe" as "approve" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
