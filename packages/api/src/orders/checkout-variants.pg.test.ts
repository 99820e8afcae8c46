/** Checkout's no-oversell guarantee per variant, under real concurrency on a Postgres server. */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser } from "../testing/index.ts";

const sizes = [{ name: "Size", values: ["S", "M", "L"] }];

/** A shirt in S, M and L with this much stock of each. */
const shirt = (db: PostgresDb, stock: { S: number; M: number; L: number }) =>
  createProduct(db, {
    name: "Linen Shirt",
    options: sizes,
    variants: (["S", "M", "L"] as const).map((size) => ({ options: { Size: size }, stock: stock[size] })),
  });

const checkoutAll = (shoppers: Awaited<ReturnType<typeof createSignedInUser>>[], tag: string) =>
  Promise.allSettled(
    shoppers.map((s) => s.caller.orders.checkout({ idempotencyKey: `${tag}-${s.id}`, shippingAddress: testAddress })),
  );

describe("checkout per variant on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
  });
  afterAll(() => db.close());

  it("sells the last M to one of two shoppers racing for it, and leaves S and L alone", async () => {
    for (let round = 0; round < 5; round++) {
      const product = await shirt(db, { S: 4, M: 1, L: 4 });
      const medium = product.variants[1]!;
      const shoppers = await Promise.all(
        [0, 1].map(async () => {
          const shopper = await createSignedInUser(db);
          await fillCart(db, shopper.id, [{ variantId: medium.id, quantity: 1 }]);
          return shopper;
        }),
      );
      const results = await checkoutAll(shoppers, `last-m-${round}`);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [refused] = results.filter((r) => r.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "CONFLICT", message: "Not enough stock for Linen Shirt" });
      expect(await variantStock(db, medium.id)).toBe(0);
      expect(await variantStock(db, product.variants[0]!.id)).toBe(4);
      expect(await variantStock(db, product.variants[2]!.id)).toBe(4);
    }
  });

  it("takes each variant of one cart from its own stock, and never sells more of any than it had", async () => {
    const product = await shirt(db, { S: 10, M: 7, L: 5 });
    const [small, medium, large] = product.variants;
    const shoppers = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const shopper = await createSignedInUser(db);
        await fillCart(db, shopper.id, [
          { variantId: small!.id, quantity: 1 },
          { variantId: medium!.id, quantity: 1 },
          { variantId: large!.id, quantity: 1 },
        ]);
        return shopper;
      }),
    );
    const results = await checkoutAll(shoppers, "three-sizes");
    const placed = results.filter((r) => r.status === "fulfilled");
    // L runs out first: 5 carts whole, the rest refused whole (nothing taken of S or M for them).
    expect(placed).toHaveLength(5);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await variantStock(db, small!.id)).toBe(5);
    expect(await variantStock(db, medium!.id)).toBe(2);
    expect(await variantStock(db, large!.id)).toBe(0);
    const { orderItems } = ordersTables(db);
    const sold = await db.orm
      .select({ variantId: orderItems.variantId, sku: orderItems.sku, options: orderItems.options })
      .from(orderItems)
      .where(eq(orderItems.productId, product.id));
    expect(sold).toHaveLength(15);
    expect(sold.filter((line) => line.variantId === medium!.id).map((line) => line.options)).toEqual(
      Array(5).fill({ Size: "M" }),
    );
    expect(new Set(sold.map((line) => line.sku))).toEqual(new Set(product.variants.map((v) => v.sku)));
  });

  it("never deadlocks when carts hold variants of two products in opposite orders", async () => {
    const tee = await shirt(db, { S: 100, M: 100, L: 100 });
    const linen = await shirt(db, { S: 100, M: 100, L: 100 });
    const lines = [
      { variantId: tee.variants[2]!.id, quantity: 1 },
      { variantId: linen.variants[0]!.id, quantity: 2 },
      { variantId: tee.variants[0]!.id, quantity: 1 },
      { variantId: linen.variants[2]!.id, quantity: 1 },
    ];
    const shoppers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const shopper = await createSignedInUser(db);
        await fillCart(db, shopper.id, i % 2 ? lines : [...lines].reverse());
        return shopper;
      }),
    );
    const results = await checkoutAll(shoppers, "opposite");
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await variantStock(db, tee.variants[2]!.id)).toBe(70);
    expect(await variantStock(db, tee.variants[0]!.id)).toBe(70);
    expect(await variantStock(db, linen.variants[0]!.id)).toBe(40);
    expect(await variantStock(db, linen.variants[2]!.id)).toBe(70);
    expect(await variantStock(db, tee.variants[1]!.id)).toBe(100);
  });
});
