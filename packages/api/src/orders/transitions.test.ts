import type { Db, OrderStatus } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser } from "../testing/index.ts";
import { transitionOrder } from "./transitions.ts";

describe(`the order state machine on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  async function placeOrder(quantity = 2) {
    const shopper = await createSignedInUser(db);
    const product = await createProduct(db, { stock: 5 });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity }]);
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: `order-${shopper.id}`,
      shippingAddress: testAddress,
    });
    const stock = () => variantStock(db, product.variantId);
    return { shopper, order, stock };
  }

  it("walks placed → processing → shipped → delivered, recording who and when", async () => {
    const { shopper, order } = await placeOrder();
    for (const to of ["processing", "shipped", "delivered"] as const) {
      await transitionOrder(db, { orderId: order.id, to, actor: "admin:usr_1" });
    }
    const after = await shopper.caller.orders.byId({ id: order.id });
    expect(after.status).toBe("delivered");
    expect(after.statusHistory.map(({ status, actor }) => [status, actor])).toEqual([
      ["placed", "customer"],
      ["processing", "admin:usr_1"],
      ["shipped", "admin:usr_1"],
      ["delivered", "admin:usr_1"],
    ]);
    for (const entry of after.statusHistory) expect(entry.at).toBeInstanceOf(Date);
  });

  it("rejects every move the machine does not allow with CONFLICT, changing nothing", async () => {
    const invalid: [OrderStatus[], OrderStatus][] = [
      [[], "shipped"],
      [[], "delivered"],
      [["processing"], "placed"],
      [["processing", "shipped"], "cancelled"],
      [["processing", "shipped", "delivered"], "cancelled"],
      [["cancelled"], "processing"],
    ];
    for (const [path, to] of invalid) {
      const { shopper, order } = await placeOrder(1);
      for (const step of path) await transitionOrder(db, { orderId: order.id, to: step, actor: "system" });
      await expect(transitionOrder(db, { orderId: order.id, to, actor: "system" })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      const after = await shopper.caller.orders.byId({ id: order.id });
      expect(after.statusHistory).toHaveLength(path.length + 1);
    }
    await expect(
      transitionOrder(db, { orderId: "ord_missing", to: "processing", actor: "system" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("puts the stock back exactly once when an order is cancelled, from placed or processing", async () => {
    const fromPlaced = await placeOrder(2);
    expect(await fromPlaced.stock()).toBe(3);
    await transitionOrder(db, { orderId: fromPlaced.order.id, to: "cancelled", actor: "system" });
    expect(await fromPlaced.stock()).toBe(5);
    await expect(
      transitionOrder(db, { orderId: fromPlaced.order.id, to: "cancelled", actor: "system" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await fromPlaced.stock()).toBe(5);

    const fromProcessing = await placeOrder(3);
    await transitionOrder(db, { orderId: fromProcessing.order.id, to: "processing", actor: "payments" });
    await transitionOrder(db, {
      orderId: fromProcessing.order.id,
      to: "cancelled",
      actor: "admin:usr_1",
      note: "asked",
    });
    expect(await fromProcessing.stock()).toBe(5);
  });
});
