/**
 * Totals a merchant can charge, end to end through the procedures: the figures in these tests are
 * worked out by hand in the comments, so a reader can check every cent.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendOrderConfirmation } from "../notifications/order-confirmation-delivery.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import {
  createCategory,
  createOrder,
  createProduct,
  createSignedInUser,
  fillCart,
  testConfig,
} from "../testing/index.ts";

const newYork = {
  name: "Ada Lovelace",
  line1: "1 Broadway",
  city: "New York",
  region: "NY",
  postalCode: "10004",
  country: "US",
};
const berlin = {
  name: "Ada Lovelace",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
};

describe(`checkout's totals on ${testDialect()}`, () => {
  let db: Db;
  let admin: Awaited<ReturnType<typeof createSignedInUser>>;
  beforeAll(async () => {
    db = await createTestDb();
    admin = await createSignedInUser(db, { role: "admin" });
  });
  afterAll(() => db.close());

  async function usShop() {
    await admin.caller.admin.taxes.update({
      pricesIncludeTax: false,
      taxShipping: true,
      rates: [
        { country: "US", region: "NY", ratePercent: "8.875" },
        { country: "US", region: "CA", ratePercent: "7.25" },
      ],
    });
  }

  it("charges a US-style order: 8.875 % added per line and on $5.99 flat shipping, the same on every page", async () => {
    await usShop();
    const zone = await admin.caller.admin.shipping.createZone({
      name: "United States",
      countries: ["US"],
      methods: [
        { name: "Standard", estimate: "5–7 working days", priceCents: 599 },
        { name: "Express", estimate: "1–2 working days", priceCents: 1495 },
      ],
    });
    const shopper = await createSignedInUser(db, { name: "Ada Lovelace" });
    const shirt = await createProduct(db, { name: "Shirt", priceCents: 1999, stock: 10 });
    const socks = await createProduct(db, { name: "Socks", priceCents: 500, stock: 10 });
    await fillCart(db, shopper.id, [
      { productId: shirt.id, quantity: 2 },
      { productId: socks.id, quantity: 1 },
    ]);

    // Lines: 2 × $19.99 = $39.98 → tax 3998 × 8.875 % = 354.8225 → 355; $5.00 → 44.375 → 44.
    // Shipping $5.99 → 53.16 → 53. Tax 355 + 44 + 53 = 452. Total 4498 + 599 + 452 = 5549.
    const summary = await shopper.caller.orders.checkoutSummary({ shippingAddress: newYork });
    expect(summary).toMatchObject({
      subtotalCents: 4498,
      discountCents: 0,
      shippingCents: 599,
      taxCents: 452,
      totalCents: 5549,
      taxIncluded: false,
      canCheckout: true,
    });
    expect(summary.shippingOptions.map((o) => [o.name, o.estimate, o.priceCents])).toEqual([
      ["Standard", "5–7 working days", 599],
      ["Express", "1–2 working days", 1495],
    ]);
    expect(summary.lines.map((l) => [l.name, l.taxCents, l.totalCents])).toEqual([
      ["Shirt", 355, 4353],
      ["Socks", 44, 544],
    ]);
    // California's rate, at once: 3998 × 7.25 % = 289.855 → 290; 500 → 36.25 → 36; 599 → 43.4275 → 43.
    const california = await shopper.caller.orders.checkoutSummary({
      // Only where it goes counts, so the page asks as soon as the state is chosen.
      shippingAddress: { country: "US", region: "CA" },
    });
    expect(california).toMatchObject({ taxCents: 369, totalCents: 4498 + 599 + 369 });
    // Express instead: 1495 × 8.875 % = 132.68 → 133; total 4498 + 1495 + 355 + 44 + 133.
    const express = zone.methods.find((m) => m.name === "Express");
    const faster = await shopper.caller.orders.checkoutSummary({
      shippingAddress: newYork,
      shippingMethodId: express?.id,
    });
    expect(faster).toMatchObject({
      shippingCents: 1495,
      taxCents: 532,
      totalCents: 6525,
      shippingMethodId: express?.id,
    });

    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "us-style-0001",
      shippingAddress: newYork,
      expectedTotalCents: 5549,
    });
    expect(order).toMatchObject({
      subtotalCents: 4498,
      discountCents: 0,
      shippingCents: 599,
      taxCents: 452,
      totalCents: 5549,
      taxIncluded: false,
      shippingMethod: { name: "Standard", estimate: "5–7 working days", priceCents: 599, taxCents: 53 },
      taxRate: { country: "US", region: "NY", ratePercent: "8.875" },
      payment: { amountCents: 5549 },
    });
    expect(order.items.map((i) => [i.name, i.taxCents, i.totalCents])).toEqual([
      ["Shirt", 355, 4353],
      ["Socks", 44, 544],
    ]);

    // The admin's view and the receipt read the same stored numbers, whatever the merchant changes next.
    await admin.caller.admin.taxes.update({ pricesIncludeTax: false, taxShipping: false, rates: [] });
    const back = await admin.caller.admin.orders.byId({ id: order.id });
    expect(back).toMatchObject({ subtotalCents: 4498, shippingCents: 599, taxCents: 452, totalCents: 5549 });
    const mailer = recordingMailer();
    await sendOrderConfirmation({ db, config: testConfig, mailer }, { orderId: order.id });
    const receipt = mailer.sent[0]?.text ?? "";
    for (const line of ["Subtotal: $44.98", "Shipping (Standard): $5.99", "Tax: $4.52", "Total: $55.49"]) {
      expect(receipt).toContain(line);
    }
    // The accountant's export: the same parts, as decimals.
    const { csv } = await admin.caller.admin.orders.exportCsv({ q: String(order.number) });
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      "number,placed_at_utc,email,customer,status,subtotal,discount,discount_code,shipping,shipping_method,tax,tax_included,total",
    );
    expect(row?.split(",")).toEqual([
      String(order.number),
      order.createdAt.toISOString(),
      shopper.email,
      "Ada Lovelace",
      "placed",
      "44.98",
      "0.00",
      "",
      "5.99",
      "Standard",
      "4.52",
      "no",
      "55.49",
    ]);
  });

  it("charges an EU-style order: 20 % VAT inside the prices, a 10 % code, free shipping from $50", async () => {
    await admin.caller.admin.taxes.update({
      pricesIncludeTax: true,
      taxShipping: true,
      rates: [{ country: "DE", ratePercent: "20" }],
    });
    await admin.caller.admin.shipping.createZone({
      name: "Germany",
      countries: ["DE"],
      methods: [{ name: "DHL", estimate: "2–4 working days", priceCents: 495, freeAboveCents: 5000 }],
    });
    await admin.caller.admin.discounts.create({ code: "WELCOME10", kind: "percent", value: 10 });
    const shopper = await createSignedInUser(db);
    const coat = await createProduct(db, { name: "Coat", priceCents: 4000, stock: 10 });
    const scarf = await createProduct(db, { name: "Scarf", priceCents: 1250, stock: 10 });
    await fillCart(db, shopper.id, [
      { productId: coat.id, quantity: 1 },
      { productId: scarf.id, quantity: 2 },
    ]);

    // Typed as a shopper would: any case, spaces around.
    const cart = await shopper.caller.cart.applyDiscountCode({ code: "  welcome10 " });
    expect(cart.discount).toEqual({ code: "WELCOME10", description: "10% off", amountCents: 650, problem: null });

    // $65.00 − 10 % ($6.50, split 400 + 250 by the lines' weights) = $58.50 of goods: ships free.
    // VAT inside: 3600 × 20/120 = 600; 2250 × 20/120 = 375. The total is what the shelf said, less the code.
    const summary = await shopper.caller.orders.checkoutSummary({ shippingAddress: berlin });
    expect(summary).toMatchObject({
      subtotalCents: 6500,
      discountCents: 650,
      shippingCents: 0,
      taxCents: 975,
      totalCents: 5850,
      taxIncluded: true,
      discount: { code: "WELCOME10", amountCents: 650 },
    });
    expect(summary.lines.map((l) => [l.name, l.discountCents, l.taxCents, l.totalCents])).toEqual([
      ["Coat", 400, 600, 3600],
      ["Scarf", 250, 375, 2250],
    ]);
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "eu-style-0001",
      shippingAddress: berlin,
      expectedTotalCents: 5850,
    });
    expect(order).toMatchObject({
      discountCents: 650,
      shippingCents: 0,
      taxCents: 975,
      totalCents: 5850,
      taxIncluded: true,
      discount: { code: "WELCOME10", kind: "percent", value: 10, amountCents: 650 },
      payment: { amountCents: 5850 },
    });
    // The code was used once and left the (now empty) cart.
    const [code] = await db.orm
      .select({ usedCount: pricingTables(db).discountCodes.usedCount })
      .from(pricingTables(db).discountCodes)
      .where(eq(pricingTables(db).discountCodes.code, "WELCOME10"));
    expect(code?.usedCount).toBe(1);
    expect((await shopper.caller.cart.get()).discount).toBeNull();
  });

  it("refuses unknown codes alike, and a code that ended before checkout with the new total, writing nothing", async () => {
    await usShop();
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { name: "Lamp", priceCents: 10_000, stock: 5 });
    await fillCart(db, shopper.id, [{ productId: lamp.id, quantity: 1 }]);
    await expect(shopper.caller.cart.applyDiscountCode({ code: "NOPE-NOPE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "NOPE-NOPE is not a code we have, or it has ended",
    });
    const ended = await admin.caller.admin.discounts.create({
      code: "LAMPS5",
      kind: "fixed",
      value: 500,
      active: false,
    });
    await expect(shopper.caller.cart.applyDiscountCode({ code: "lamps5" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "LAMPS5 is not a code we have, or it has ended",
    });
    await admin.caller.admin.discounts.update({ id: ended.id, active: true });
    expect((await shopper.caller.cart.applyDiscountCode({ code: "lamps5" })).discount?.amountCents).toBe(500);

    // New York: $100 − $5 = $95 + $5.99 shipping; tax 9500 × 8.875 % = 843.125 → 843, 599 → 53.16 → 53.
    const shown = await shopper.caller.orders.checkoutSummary({ shippingAddress: newYork });
    expect(shown.totalCents).toBe(9500 + 599 + 843 + 53);
    await admin.caller.admin.discounts.update({ id: ended.id, active: false });
    const refused = await shopper.caller.orders
      .checkout({ idempotencyKey: "ended-code-1", shippingAddress: newYork, expectedTotalCents: shown.totalCents })
      .catch((e: unknown) => e);
    // Without the code: 10000 + 599 + 888 (887.5 → 888) + 53.
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: "LAMPS5 has ended or is used up; without it your total is $115.40",
      cause: { details: { totalCents: 11_540, field: "discountCode" } },
    });
    expect((await shopper.caller.orders.list()).items).toEqual([]);
    expect((await shopper.caller.cart.get()).discount).toMatchObject({
      code: "LAMPS5",
      amountCents: 0,
      problem: "LAMPS5 has ended or is used up; remove it to see your total",
    });
    const removed = await shopper.caller.cart.removeDiscountCode();
    expect(removed.discount).toBeNull();
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "ended-code-2",
      shippingAddress: newYork,
      expectedTotalCents: 11_540,
    });
    expect(order.totalCents).toBe(11_540);
  });

  it("says before payment where the shop does not ship, and refuses a method the address is not offered", async () => {
    await usShop();
    await admin.caller.admin.shipping.createZone({
      name: "Canada",
      countries: ["CA"],
      methods: [{ name: "Canada Post", estimate: "4–8 working days", priceCents: 1500 }],
    });
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 1000, stock: 5 });
    await fillCart(db, shopper.id, [{ productId: lamp.id, quantity: 1 }]);
    const japan = { ...berlin, city: "Tokyo", postalCode: "100-0001", country: "JP" };
    const summary = await shopper.caller.orders.checkoutSummary({ shippingAddress: japan });
    expect(summary).toMatchObject({
      shippingProblem: "We don't ship to Japan yet",
      shippingOptions: [],
      canCheckout: false,
    });
    await expect(
      shopper.caller.orders.checkout({ idempotencyKey: "japan-0001", shippingAddress: japan }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "We don't ship to Japan yet" });
    const canadaPost = (await admin.caller.admin.shipping.listZones()).find((z) => z.name === "Canada")?.methods[0];
    await expect(
      shopper.caller.orders.checkout({
        idempotencyKey: "wrong-method-1",
        shippingAddress: newYork,
        shippingMethodId: canadaPost?.id,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose one of the delivery methods offered for this address",
    });
    expect((await shopper.caller.orders.list()).items).toEqual([]);
    const { orders } = ordersTables(db);
    expect(await db.orm.select({ id: orders.id }).from(orders).where(eq(orders.userId, shopper.id))).toEqual([]);
  });

  it("keeps a once-per-customer code to one order per customer, and tells them when they apply it again", async () => {
    await usShop();
    const category = await createCategory(db, { name: "Lamps" });
    await admin.caller.admin.discounts.create({
      code: "FIRSTLAMP",
      kind: "percent",
      value: 20,
      categoryId: category.id,
      oncePerCustomer: true,
    });
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 5000, stock: 5, categoryId: category.id });
    const bulb = await createProduct(db, { priceCents: 1000, stock: 5 });
    await fillCart(db, shopper.id, [
      { productId: lamp.id, quantity: 1 },
      { productId: bulb.id, quantity: 1 },
    ]);
    const cart = await shopper.caller.cart.applyDiscountCode({ code: "FIRSTLAMP" });
    // 20 % of the lamp only: the bulb is not in Lamps.
    expect(cart.discount?.amountCents).toBe(1000);
    await shopper.caller.orders.checkout({ idempotencyKey: "first-lamp-1", shippingAddress: newYork });
    await fillCart(db, shopper.id, [{ productId: lamp.id, quantity: 1 }]);
    await expect(shopper.caller.cart.applyDiscountCode({ code: "firstlamp" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You have already used FIRSTLAMP",
    });
  });

  it("applies a category's code to products filed in its subcategories at any depth, and to nothing else", async () => {
    await usShop();
    const home = await createCategory(db, { name: "Home" });
    const lighting = await createCategory(db, { name: "Lighting", parentId: home.id });
    const desk = await createCategory(db, { name: "Desk lamps", parentId: lighting.id });
    const garden = await createCategory(db, { name: "Garden" });
    await admin.caller.admin.discounts.create({ code: "HOME25", kind: "percent", value: 25, categoryId: home.id });
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 4000, stock: 5, categoryId: desk.id });
    const rug = await createProduct(db, { priceCents: 2000, stock: 5, categoryId: home.id });
    const spade = await createProduct(db, { priceCents: 3000, stock: 5, categoryId: garden.id });
    await fillCart(db, shopper.id, [
      { productId: lamp.id, quantity: 1 },
      { productId: rug.id, quantity: 1 },
      { productId: spade.id, quantity: 1 },
    ]);
    const cart = await shopper.caller.cart.applyDiscountCode({ code: "HOME25" });
    // 25 % of the lamp (Home › Lighting › Desk lamps) and the rug (Home): 1,000 + 500; the spade is in Garden.
    expect(cart.discount?.amountCents).toBe(1500);
    const summary = await shopper.caller.orders.checkoutSummary({ shippingAddress: newYork });
    expect(summary.lines.map((line) => [line.name, line.discountCents])).toEqual([
      [expect.any(String), 1000],
      [expect.any(String), 500],
      [expect.any(String), 0],
    ]);
  });
});

describe(`the orders export on ${testDialect()}`, () => {
  it("quotes what needs quoting and keeps a name a spreadsheet would run as a formula as text", async () => {
    const db = await createTestDb();
    try {
      const admin = await createSignedInUser(db, { role: "admin" });
      const shopper = await createSignedInUser(db, { name: '=HYPERLINK("http://x.test"), "Bob"' });
      const product = await createProduct(db);
      await createOrder(db, { userId: shopper.id, email: shopper.email, productId: product.id, totalCents: 1234 });
      const { csv, rows } = await admin.caller.admin.orders.exportCsv();
      expect(rows).toBe(1);
      expect(csv.split("\r\n")[1]).toContain(`"'=HYPERLINK(""http://x.test""), ""Bob"""`);
      expect(csv.split("\r\n")[1]?.endsWith(",12.34")).toBe(true);
      await expect(shopper.caller.admin.orders.exportCsv()).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await db.close();
    }
  });
});
