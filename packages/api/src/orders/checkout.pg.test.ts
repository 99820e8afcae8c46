/** Checkout under real concurrency, on a Postgres server with parallel connections. */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser } from "../testing/index.ts";

describe("checkout on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
  });
  afterAll(() => db.close());

  it("sells exactly the stock to 100 shoppers racing for 10 units; everyone else gets CONFLICT", async () => {
    const product = await createProduct(db, { stock: 10 });
    const shoppers = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const shopper = await createSignedInUser(db);
        await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
        return shopper;
      }),
    );

    const results = await Promise.allSettled(
      shoppers.map((s) => s.caller.orders.checkout({ idempotencyKey: `race-${s.id}`, shippingAddress: testAddress })),
    );

    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const { orders, orderItems } = ordersTables(db);
    expect(await variantStock(db, product.variantId)).toBe(0);
    const sold = await db.orm
      .select({ quantity: orderItems.quantity })
      .from(orderItems)
      .where(eq(orderItems.productId, product.id));
    expect(sold.reduce((n, i) => n + i.quantity, 0)).toBe(10);
    expect(await db.orm.select({ id: orders.id }).from(orders)).toHaveLength(10);
  });

  it("places one order when a shopper's checkout is sent many times at once with the same key", async () => {
    const product = await createProduct(db, { stock: 50 });
    const shopper = await createSignedInUser(db);
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 3 }]);
    const input = { idempotencyKey: "double-click-0001", shippingAddress: testAddress };

    const results = await Promise.allSettled(Array.from({ length: 25 }, () => shopper.caller.orders.checkout(input)));

    const orderIds = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.order.id] : [])));
    expect(orderIds.size).toBe(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const { orders } = ordersTables(db);
    expect(await db.orm.select().from(orders).where(eq(orders.userId, shopper.id))).toHaveLength(1);
    expect(await variantStock(db, product.variantId)).toBe(47);
  });

  it("never deadlocks when carts hold the same products in different orders", async () => {
    const first = await createProduct(db, { stock: 100 });
    const second = await createProduct(db, { stock: 100 });
    const shoppers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const shopper = await createSignedInUser(db);
        const lines = [
          { productId: first.id, quantity: 1 },
          { productId: second.id, quantity: 2 },
        ];
        await fillCart(db, shopper.id, i % 2 ? lines : lines.reverse());
        return shopper;
      }),
    );
    const results = await Promise.allSettled(
      shoppers.map((s) => s.caller.orders.checkout({ idempotencyKey: `pair-${s.id}`, shippingAddress: testAddress })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await variantStock(db, first.variantId)).toBe(70);
    expect(await variantStock(db, second.variantId)).toBe(40);
  });
});
