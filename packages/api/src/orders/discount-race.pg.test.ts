/** Discount codes' usage limits under real concurrency, on a Postgres server with parallel connections. */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeemDiscountCode } from "../pricing/discount-codes.ts";
import { createOrder, createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser } from "../testing/index.ts";

describe("discount codes on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  let admin: Awaited<ReturnType<typeof createSignedInUser>>;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db, { priceCents: 500 });
    admin = await createSignedInUser(db, { role: "admin" });
  });
  afterAll(() => db.close());

  it("gives a code limited to 10 uses to exactly 10 of 50 shoppers checking out at once, each charged the total shown", async () => {
    await admin.caller.admin.discounts.create({ code: "FIRST10", kind: "fixed", value: 300, usageLimit: 10 });
    const product = await createProduct(db, { priceCents: 2000, stock: 500 });
    const shoppers = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const shopper = await createSignedInUser(db);
        await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
        await shopper.caller.cart.applyDiscountCode({ code: "first10" });
        return shopper;
      }),
    );
    // $20.00 − $3.00 + $5.00 shipping, no tax rates set.
    const shown = await shoppers[0]!.caller.orders.checkoutSummary({ shippingAddress: testAddress });
    expect(shown).toMatchObject({ discountCents: 300, totalCents: 2200 });

    const results = await Promise.allSettled(
      shoppers.map((s) =>
        s.caller.orders.checkout({
          idempotencyKey: `code-race-${s.id}`,
          shippingAddress: testAddress,
          expectedTotalCents: 2200,
        }),
      ),
    );

    const placed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.order] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(placed).toHaveLength(10);
    for (const order of placed) {
      expect(order).toMatchObject({ discountCents: 300, totalCents: 2200, payment: { amountCents: 2200 } });
    }
    expect(refused).toHaveLength(40);
    for (const reason of refused) {
      expect(reason).toMatchObject({
        code: "CONFLICT",
        message: "FIRST10 has ended or is used up; without it your total is $25.00",
      });
    }
    const { discountCodes, discountRedemptions } = pricingTables(db);
    const [code] = await db.orm
      .select({ id: discountCodes.id, usedCount: discountCodes.usedCount })
      .from(discountCodes)
      .where(eq(discountCodes.code, "FIRST10"));
    expect(code?.usedCount).toBe(10);
    const redemptions = await db.orm
      .select({ orderId: discountRedemptions.orderId })
      .from(discountRedemptions)
      .where(eq(discountRedemptions.discountCodeId, code?.id ?? ""));
    expect(redemptions.map((r) => r.orderId).sort()).toEqual(placed.map((o) => o.id).sort());
    // The refused checkouts took nothing: only the ten orders' units left the shelf.
    expect(await variantStock(db, product.variantId)).toBe(490);
    const { orders } = ordersTables(db);
    const all = await db.orm.select({ id: orders.id }).from(orders).where(eq(orders.totalCents, 2200));
    expect(all).toHaveLength(10);
  });

  it("lets two tabs of one customer use a once-per-customer code once: the other checkout is refused", async () => {
    await admin.caller.admin.discounts.create({ code: "ONCE", kind: "percent", value: 50, oncePerCustomer: true });
    const product = await createProduct(db, { priceCents: 1000, stock: 50 });
    const shopper = await createSignedInUser(db);
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 1 }]);
    await shopper.caller.cart.applyDiscountCode({ code: "ONCE" });

    const tabs = await Promise.allSettled(
      ["tab-one-0001", "tab-two-0001"].map((idempotencyKey) =>
        shopper.caller.orders.checkout({ idempotencyKey, shippingAddress: testAddress }),
      ),
    );
    const placed = tabs.flatMap((r) => (r.status === "fulfilled" ? [r.value.order] : []));
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ discountCents: 500, discount: { code: "ONCE" } });

    // Two orders of one customer (a guest's email, two carts) redeeming at once: the pair is unique.
    const user = await createSignedInUser(db);
    const first = await createOrder(db, { userId: user.id, email: user.email, productId: product.id });
    const second = await createOrder(db, { userId: user.id, email: user.email, productId: product.id });
    const now = new Date();
    const redeemed = await Promise.all(
      [first, second].map((order) =>
        db.transaction((tx) =>
          redeemDiscountCode(tx, { code: "ONCE", orderId: order.id, userId: user.id, customerKey: user.email, now }),
        ),
      ),
    );
    expect(redeemed.sort()).toEqual([null, "used_by_customer"].sort());
  });
});
