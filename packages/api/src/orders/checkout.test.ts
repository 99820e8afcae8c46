import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { receivePaymentWebhook } from "../payments/webhook.ts";
import {
  createProduct,
  fillCart,
  firstVariantOf,
  openShipping,
  testAddress,
  variantStock,
} from "../testing/fixtures.ts";
import { createSignedInUser, fakePaymentGateway, testConfig } from "../testing/index.ts";
import { signedPaymentEvent } from "../testing/payments.ts";

describe(`orders on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const stockOf = async (productId: string) => variantStock(db, (await firstVariantOf(db, productId)).id);
  const cartSize = async (userId: string) => {
    const { carts, cartItems } = cartTables(db);
    const rows = await db.orm
      .select({ variantId: cartItems.variantId })
      .from(cartItems)
      .innerJoin(carts, eq(carts.id, cartItems.cartId))
      .where(eq(carts.userId, userId));
    return rows.length;
  };

  it("turns the cart into a placed order with snapshots, a pending payment and an expiry job", async () => {
    const gateway = fakePaymentGateway();
    const shopper = await createSignedInUser(db, { gateway });
    const lamp = await createProduct(db, { priceCents: 2_500, stock: 5, name: "Lamp" });
    const mug = await createProduct(db, { priceCents: 799, stock: 3, name: "Mug" });
    await fillCart(db, shopper.id, [
      { productId: lamp.id, quantity: 2 },
      { productId: mug.id, quantity: 3 },
    ]);

    const { order, paymentUrl } = await shopper.caller.orders.checkout({
      idempotencyKey: "checkout-0001",
      shippingAddress: testAddress,
    });

    expect(order.status).toBe("placed");
    expect(order.subtotalCents).toBe(2 * 2_500 + 3 * 799);
    expect(order.totalCents).toBe(order.subtotalCents);
    expect(order.items).toEqual([
      {
        id: expect.any(String),
        productId: lamp.id,
        variantId: lamp.variantId,
        sku: lamp.variants[0]!.sku,
        options: {},
        name: "Lamp",
        unitPriceCents: 2_500,
        quantity: 2,
        lineTotalCents: 5_000,
        discountCents: 0,
        taxCents: 0,
        totalCents: 5_000,
      },
      {
        id: expect.any(String),
        productId: mug.id,
        variantId: mug.variantId,
        sku: mug.variants[0]!.sku,
        options: {},
        name: "Mug",
        unitPriceCents: 799,
        quantity: 3,
        lineTotalCents: 2_397,
        discountCents: 0,
        taxCents: 0,
        totalCents: 2_397,
      },
    ]);
    expect(order.shippingAddress).toEqual(testAddress);
    expect(order.statusHistory).toEqual([{ status: "placed", at: expect.any(Date), actor: "customer" }]);
    expect(order.payment).toMatchObject({ status: "pending", amountCents: order.totalCents });
    expect(paymentUrl).toBe(`https://gateway.test/pay/${order.payment?.id}`);
    expect(order.paymentUrl).toBe(paymentUrl);
    expect(gateway.calls).toEqual([
      {
        paymentId: order.payment?.id,
        orderId: order.id,
        description: `Shopwright order #${order.number}`,
        amountCents: order.totalCents,
        returnUrl: `http://127.0.0.1:3000/orders/${order.id}`,
      },
    ]);
    expect(await stockOf(lamp.id)).toBe(3);
    expect(await stockOf(mug.id)).toBe(0);
    expect(await cartSize(shopper.id)).toBe(0);
    const expiry = (await queuedJobs(db, "expire_unpaid_order")).find((j) => j.payload.orderId === order.id);
    expect(expiry?.jobKey).toBe(`expire-order:${order.id}`);
    expect(expiry?.runAt?.getTime()).toBe(order.payment?.expiresAt.getTime());
    expect(order.payment!.expiresAt.getTime() - order.createdAt.getTime()).toBe(30 * 60_000);

    // Prices in an order are the prices paid, whatever the catalog says later.
    const { products } = catalogTables(db);
    await db.orm.update(products).set({ priceCents: 1, name: "Renamed" }).where(eq(products.id, lamp.id));
    const again = await shopper.caller.orders.byId({ id: order.id });
    expect(again.items[0]).toMatchObject({ name: "Lamp", unitPriceCents: 2_500 });
  });

  it("ships to the profile's address when none is given, and refuses when there is neither", async () => {
    const shopper = await createSignedInUser(db);
    const product = await createProduct(db);
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    await expect(shopper.caller.orders.checkout({ idempotencyKey: "checkout-0002" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await stockOf(product.id)).toBe(10);

    const { users } = authTables(db);
    await db.orm.update(users).set({ shippingAddress: testAddress }).where(eq(users.id, shopper.id));
    const { order } = await shopper.caller.orders.checkout({ idempotencyKey: "checkout-0002" });
    expect(order.shippingAddress).toEqual(testAddress);
  });

  it("refuses an empty cart and bad input", async () => {
    const shopper = await createSignedInUser(db);
    await expect(
      shopper.caller.orders.checkout({ idempotencyKey: "checkout-0003", shippingAddress: testAddress }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your cart is empty" });
    await expect(
      shopper.caller.orders.checkout({ idempotencyKey: "k", shippingAddress: testAddress }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is CONFLICT naming every product short of stock, and writes nothing", async () => {
    const shopper = await createSignedInUser(db);
    const plenty = await createProduct(db, { stock: 10 });
    const scarce = await createProduct(db, { stock: 1, name: "Scarce" });
    const archived = await createProduct(db, { stock: 10, name: "Archived" });
    const { products } = catalogTables(db);
    const { orders } = ordersTables(db);
    await db.orm.update(products).set({ status: "archived" }).where(eq(products.id, archived.id));
    await fillCart(db, shopper.id, [
      { productId: plenty.id, quantity: 2 },
      { productId: scarce.id, quantity: 2 },
      { productId: archived.id, quantity: 1 },
    ]);

    const error = await shopper.caller.orders
      .checkout({ idempotencyKey: "checkout-0004", shippingAddress: testAddress })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as Error).message).toContain("Scarce");
    expect((error as Error).message).toContain("Archived");
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect(await cartSize(shopper.id)).toBe(3);
    expect(await db.orm.select().from(orders).where(eq(orders.userId, shopper.id))).toEqual([]);
  });

  it("lets a shopper hold at most 3 unpaid orders and 100 unpaid items, says what to do, and takes nothing", async () => {
    const shopper = await createSignedInUser(db);
    const product = await createProduct(db, { stock: 500 });
    let key = 0;
    const checkout = () =>
      shopper.caller.orders.checkout({ idempotencyKey: `unpaid-${++key}-0000`, shippingAddress: testAddress });
    const refused = async (message: RegExp) => {
      await expect(checkout()).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(message) });
      expect(await cartSize(shopper.id)).toBe(1);
    };
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    await checkout();
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    const { order: second } = await checkout();
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 99 }]);
    await refused(/at most 100 items at once, and yours already hold 2\. Pay for an order, or take 1 items/);
    expect(await stockOf(product.id)).toBe(498);

    await shopper.caller.cart.updateItem({ productId: product.id, quantity: 98 });
    await checkout();
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    await refused(/You have 3 orders waiting for payment/);
    expect(await stockOf(product.id)).toBe(400);

    const deps = { db, config: testConfig, log: silentLogger };
    await receivePaymentWebhook(deps, signedPaymentEvent(second.id, second.payment!, "payment.succeeded"));
    await checkout();
    expect(await stockOf(product.id)).toBe(399);
  });

  it("takes an order past 32-bit cents whole: 22 of a $1,000,000 product", async () => {
    const gateway = fakePaymentGateway();
    const shopper = await createSignedInUser(db, { gateway });
    const jewel = await createProduct(db, { priceCents: 100_000_000, stock: 30 });
    await fillCart(db, shopper.id, [{ productId: jewel.id, quantity: 22 }]);
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "big-order-01",
      shippingAddress: testAddress,
    });
    expect(order.totalCents).toBe(2_200_000_000);
    expect(order.payment?.amountCents).toBe(2_200_000_000);
    expect(gateway.calls[0]?.amountCents).toBe(2_200_000_000);
  });

  it("answers a repeated key with the first result, and a different request on it with CONFLICT", async () => {
    const gateway = fakePaymentGateway();
    const shopper = await createSignedInUser(db, { gateway });
    const product = await createProduct(db, { stock: 10 });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 2 }]);
    const input = { idempotencyKey: "checkout-0005", shippingAddress: testAddress };

    const first = await shopper.caller.orders.checkout(input);
    const second = await shopper.caller.orders.checkout(input);
    expect(second).toEqual(first);
    expect(await stockOf(product.id)).toBe(8);
    expect(gateway.calls).toHaveLength(1);

    await expect(
      shopper.caller.orders.checkout({ ...input, shippingAddress: { ...testAddress, city: "Paris" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // New lines in the cart are a different request too.
    const other = await createProduct(db);
    await fillCart(db, shopper.id, [{ productId: other.id, quantity: 1 }]);
    await expect(shopper.caller.orders.checkout(input)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await shopper.caller.orders.list()).total).toBe(1);
  });

  it("keeps a key for 24 hours, and lets an expired key start a new checkout", async () => {
    const shopper = await createSignedInUser(db);
    const product = await createProduct(db, { stock: 10 });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    const input = { idempotencyKey: "checkout-0007", shippingAddress: testAddress };
    const first = await shopper.caller.orders.checkout(input);

    const { idempotencyKeys } = ordersTables(db);
    const [key] = await db.orm
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.scope, `user:${shopper.id}`));
    expect(key!.expiresAt.getTime() - key!.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);

    await db.orm
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(idempotencyKeys.scope, `user:${shopper.id}`));
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 2 }]);
    const second = await shopper.caller.orders.checkout(input);
    expect(second.order.id).not.toBe(first.order.id);
    expect(second.order.items[0]?.quantity).toBe(2);
    expect(await stockOf(product.id)).toBe(7);
  });

  it("keeps the order when the gateway is down; the same checkout again finishes registration", async () => {
    const gateway = fakePaymentGateway();
    const shopper = await createSignedInUser(db, { gateway });
    const product = await createProduct(db, { stock: 4 });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    const input = { idempotencyKey: "checkout-0006", shippingAddress: testAddress };

    gateway.failing = true;
    const failed = await shopper.caller.orders.checkout(input);
    expect(failed.paymentUrl).toBeNull();
    expect(failed.order.status).toBe("placed");
    expect(await stockOf(product.id)).toBe(3);

    gateway.failing = false;
    const retried = await shopper.caller.orders.checkout(input);
    expect(retried.order.id).toBe(failed.order.id);
    expect(retried.paymentUrl).toBe(`https://gateway.test/pay/${failed.order.payment?.id}`);
    expect(gateway.calls.map((c) => c.paymentId)).toEqual([failed.order.payment?.id, failed.order.payment?.id]);
    expect(await stockOf(product.id)).toBe(3);
  });

  it("lists only the user's own orders, newest first, and hides other users' orders", async () => {
    const shopper = await createSignedInUser(db);
    const stranger = await createSignedInUser(db);
    const product = await createProduct(db, { stock: 10 });
    const ids: string[] = [];
    for (const key of ["list-order-1", "list-order-2"]) {
      await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
      ids.push((await shopper.caller.orders.checkout({ idempotencyKey: key, shippingAddress: testAddress })).order.id);
    }
    const list = await shopper.caller.orders.list({ page: 1 });
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(list.items.map((o) => o.id)).toEqual([ids[1], ids[0]]);
    expect(list.items[0]).toMatchObject({ status: "placed", totalCents: 1_250, itemCount: 1 });
    expect((await stranger.caller.orders.list()).items).toEqual([]);
    await expect(stranger.caller.orders.byId({ id: ids[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
