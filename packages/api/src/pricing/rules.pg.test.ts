/**
 * Each server process keeps the pricing rules under the pricing version. Two app instances share
 * one Postgres database here, as two server processes do: what an admin saves through either prices
 * the next quote and checkout on the other, even while saves and quotes run at once.
 */
import { createPostgresDb, type PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createSignedInUser, fillCart, testAddress } from "../testing/index.ts";

type Signed = Awaited<ReturnType<typeof createSignedInUser>>;

describe("the pricing rules each process keeps", () => {
  let first: PostgresDb & { url: string };
  let second: PostgresDb;
  let admin: Signed;
  let product: Awaited<ReturnType<typeof createProduct>>;
  const gb = { country: "GB" };
  const standard = { name: "Standard", estimate: "2–3 working days", priceCents: 500 };

  beforeAll(async () => {
    first = await createPostgresTestDb({ max: 20 });
    second = createPostgresDb(first.url, { max: 20 });
    admin = await createSignedInUser(second, { role: "admin" });
    product = await createProduct(first, { priceCents: 10_000, stock: 1_000 });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  /** A shopper on the first instance with the product in their cart. */
  async function shopper() {
    const signed = await createSignedInUser(first);
    await fillCart(first, signed.id, [{ productId: product.id, quantity: 1 }]);
    return signed;
  }

  const summary = (s: Signed) => s.caller.orders.checkoutSummary({ shippingAddress: gb });
  const taxes = (ratePercent: string) =>
    admin.caller.admin.taxes.update({ pricesIncludeTax: false, taxShipping: false, rates: [{ ...gb, ratePercent }] });

  it("prices the next quote and checkout with what an admin saved on another instance", async () => {
    const buyer = await shopper();
    expect(await summary(buyer)).toMatchObject({ shippingProblem: "We don't ship to United Kingdom yet" });

    const zone = await admin.caller.admin.shipping.createZone({ name: "UK", countries: ["GB"], methods: [standard] });
    await taxes("20");
    expect(await summary(buyer)).toMatchObject({ shippingCents: 500, taxCents: 2_000, totalCents: 12_500 });

    await taxes("5");
    await admin.caller.admin.shipping.updateZone({
      id: zone.id,
      name: "UK",
      countries: ["GB"],
      methods: [{ ...standard, id: zone.methods[0]!.id, priceCents: 750 }],
    });
    expect(await summary(buyer)).toMatchObject({ shippingCents: 750, taxCents: 500, totalCents: 11_250 });
    const placed = await buyer.caller.orders.checkout({
      idempotencyKey: "rules-after-edit",
      shippingAddress: testAddress,
      expectedTotalCents: 11_250,
    });
    expect(placed.order).toMatchObject({ shippingCents: 750, taxCents: 500, totalCents: 11_250 });

    const code = await admin.caller.admin.discounts.create({ code: "TENOFF", kind: "fixed", value: 1_000 });
    const late = await shopper();
    await late.caller.cart.applyDiscountCode({ code: "TENOFF" });
    expect(await summary(late)).toMatchObject({ discountCents: 1_000, totalCents: 10_200 });
    await admin.caller.admin.discounts.update({ id: code.id, active: false });
    await admin.caller.admin.shipping.deleteZone({ id: zone.id });
    expect(await summary(late)).toMatchObject({ shippingProblem: "We don't ship to United Kingdom yet" });
    await expect(
      late.caller.orders.checkout({ idempotencyKey: "rules-after-delete", shippingAddress: testAddress }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "We don't ship to United Kingdom yet" });
  });

  it("ends a storm of saves and quotes on the last rate saved, on both instances", async () => {
    await admin.caller.admin.shipping.createZone({ name: "UK again", countries: ["GB"], methods: [standard] });
    const buyers = await Promise.all([shopper(), shopper(), shopper(), shopper()]);
    for (let round = 0; round < 5; round += 1) {
      const rates = ["1", "2", "3", "4", "5", "6", "7", "8"];
      await Promise.all([
        (async () => {
          for (const rate of rates) await taxes(rate);
        })(),
        ...buyers.map(async (buyer) => {
          for (let i = 0; i < 10; i += 1) await summary(buyer);
        }),
      ]);
      const last = Number(rates.at(-1)) * 100;
      for (const buyer of buyers) expect(await summary(buyer)).toMatchObject({ taxCents: last });
      const onSecond = createSignedInUser(second).then(async (s) => {
        await fillCart(second, s.id, [{ productId: product.id, quantity: 1 }]);
        return summary(s);
      });
      expect(await onSecond).toMatchObject({ taxCents: last });
      await taxes("0");
      for (const buyer of buyers) expect(await summary(buyer)).toMatchObject({ taxCents: 0 });
    }
  });
});
