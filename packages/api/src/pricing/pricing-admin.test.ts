/** The merchant's pricing controls, through the admin procedures, and what the pipeline reads back. */
import { type Db, newId } from "@shopwright/db";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, createOrder, createProduct, createSignedInUser } from "../testing/index.ts";
import { liveDiscountRule } from "./discount-codes.ts";
import { priceOrder } from "./pipeline.ts";
import { methodsFor, priceMethods } from "./shipping.ts";
import { loadShippingZones } from "./shipping-zones.ts";
import { loadTaxSettings } from "./tax-settings.ts";

let db: Db;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  db = await createTestDb();
  admin = await createSignedInUser(db, { role: "admin" });
});
afterAll(() => db.close());

const standard = { name: "Standard", estimate: "3–5 working days", priceCents: 495, freeAboveCents: 5000 };

describe("admin.shipping", () => {
  it("keeps a country in one zone: a second zone claiming it is refused by name, and nothing of it is saved", async () => {
    const europe = await admin.caller.admin.shipping.createZone({
      name: "Europe",
      countries: ["de", " FR "],
      methods: [standard],
    });
    expect(europe).toMatchObject({ name: "Europe", countries: ["DE", "FR"], methods: [{ ...standard, active: true }] });

    await expect(
      admin.caller.admin.shipping.createZone({ name: "West", countries: ["NL", "FR"], methods: [standard] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'France is already in the zone "Europe"',
      cause: { details: { field: "countries.1" } },
    });
    const zones = await admin.caller.admin.shipping.listZones();
    expect(zones.map((zone) => zone.name)).not.toContain("West");
    expect(zones.flatMap((zone) => zone.countries)).not.toContain("NL");

    // The database holds the rule too, whatever code writes to it.
    const { shippingZones, shippingZoneCountries } = pricingTables(db);
    await db.orm.insert(shippingZones).values({ id: "zone_raw", name: "Raw" });
    await expect(db.orm.insert(shippingZoneCountries).values({ zoneId: "zone_raw", country: "DE" })).rejects.toThrow();
  });

  it("updates a zone keeping its methods' ids, pauses a method for shoppers, and deletes the zone", async () => {
    const zone = await admin.caller.admin.shipping.createZone({
      name: "Nordics",
      countries: ["SE", "NO"],
      methods: [standard, { name: "Express", estimate: "1–2 working days", priceCents: 1495 }],
    });
    const [kept, paused] = zone.methods;
    const updated = await admin.caller.admin.shipping.updateZone({
      id: zone.id,
      name: "Nordics",
      countries: ["SE", "NO", "DK"],
      methods: [
        { ...standard, id: kept!.id, priceCents: 595 },
        { ...paused!, active: false },
      ],
    });
    expect(updated.methods.map((m) => [m.id, m.priceCents, m.active])).toEqual([
      [kept!.id, 595, true],
      [paused!.id, 1495, false],
    ]);
    const options = priceMethods(methodsFor(await loadShippingZones(db), "DK"), {
      subtotalCents: 1000,
      discountCents: 0,
    });
    expect(options).toEqual([{ id: kept!.id, name: "Standard", estimate: "3–5 working days", priceCents: 595 }]);

    await admin.caller.admin.shipping.deleteZone({ id: zone.id });
    const after = await loadShippingZones(db);
    expect(methodsFor(after, "DK")).toEqual([]);
    expect((await admin.caller.admin.shipping.listZones()).map((z) => z.id)).not.toContain(zone.id);
  });
});

describe("admin.taxes", () => {
  it("refuses a bad rate by its field and keeps the rates as they were", async () => {
    await admin.caller.admin.taxes.update({
      pricesIncludeTax: true,
      taxShipping: true,
      rates: [{ country: "DE", ratePercent: "19" }],
    });
    await expect(
      admin.caller.admin.taxes.update({
        pricesIncludeTax: false,
        taxShipping: false,
        rates: [
          { country: "DE", ratePercent: "19" },
          { country: "FR", ratePercent: "120" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A tax rate cannot be above 100 %",
      cause: { details: { field: "rates.1.ratePercent" } },
    });
    expect(await admin.caller.admin.taxes.get()).toEqual({
      pricesIncludeTax: true,
      taxShipping: true,
      rates: [{ country: "DE", region: null, ratePercent: "19" }],
    });
  });
});

describe("admin.discounts", () => {
  it("stores a code normalised, so codes differing by case or spaces are one code", async () => {
    const spring = await admin.caller.admin.discounts.create({ code: " spring 10 ", kind: "percent", value: 10 });
    expect(spring).toMatchObject({ code: "SPRING10", kind: "percent", value: 10, usedCount: 0, active: true });
    for (const code of ["SPRING10", "Spring10", "ＳＰＲＩＮＧ１０"]) {
      await expect(admin.caller.admin.discounts.create({ code, kind: "fixed", value: 500 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Another code is already called that (codes ignore case and spaces)",
        cause: { details: { field: "code" } },
      });
    }
    expect((await admin.caller.admin.discounts.list()).filter((c) => c.code === "SPRING10")).toHaveLength(1);
  });

  it("checks a code whole after an update, so a patch cannot end it before it starts", async () => {
    const code = await admin.caller.admin.discounts.create({
      code: "WINTER",
      kind: "fixed",
      value: 500,
      startsAt: new Date("2027-01-01T00:00:00Z"),
    });
    await expect(
      admin.caller.admin.discounts.update({ id: code.id, endsAt: new Date("2026-12-01T00:00:00Z") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The end must be after the start" });
    expect(await admin.caller.admin.discounts.update({ id: code.id, active: false })).toMatchObject({
      active: false,
      endsAt: null,
    });
    expect(await liveDiscountRule(db, "winter", new Date("2027-02-01T00:00:00Z"))).toBeNull();
    await admin.caller.admin.discounts.delete({ id: code.id });
    expect((await admin.caller.admin.discounts.list()).map((c) => c.code)).not.toContain("WINTER");
  });
});

describe("discount redemptions", () => {
  it("hold once-per-customer in the database, and a code an order used can be paused but not deleted", async () => {
    const once = await admin.caller.admin.discounts.create({
      code: "WELCOME",
      kind: "fixed",
      value: 500,
      oncePerCustomer: true,
    });
    const shopper = await createSignedInUser(db);
    const product = await createProduct(db);
    const order = () => createOrder(db, { userId: shopper.id, email: "shopper@example.com", productId: product.id });
    const redeem = async (customerKey: string | null) =>
      db.orm.insert(pricingTables(db).discountRedemptions).values({
        id: newId("red"),
        discountCodeId: once.id,
        userId: shopper.id,
        customerKey,
        orderId: (await order()).id,
      });
    await redeem(shopper.id);
    await expect(redeem(shopper.id)).rejects.toThrow();
    // Without the key (a code any customer may use again), uses by one customer do not collide.
    await redeem(null);
    await redeem(null);

    await expect(admin.caller.admin.discounts.delete({ id: once.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Orders have used this code; pause it instead of deleting it",
    });
    expect(await admin.caller.admin.discounts.update({ id: once.id, active: false })).toMatchObject({ active: false });
  });
});

describe("what the pipeline reads", () => {
  it("prices a US-style order from the saved settings to the cent", async () => {
    const shoes = await createCategory(db, { name: "Shoes" });
    await admin.caller.admin.taxes.update({
      pricesIncludeTax: false,
      taxShipping: true,
      rates: [
        { country: "us", region: "ny", ratePercent: "8.875" },
        { country: "US", ratePercent: "5" },
      ],
    });
    await admin.caller.admin.shipping.createZone({
      name: "United States",
      countries: ["US"],
      methods: [{ name: "Ground", estimate: "5–7 working days", priceCents: 599, freeAboveCents: 10_000 }],
    });
    await admin.caller.admin.discounts.create({ code: "SHOES10", kind: "percent", value: 10, categoryId: shoes.id });

    const taxSettings = await loadTaxSettings(db);
    expect(taxSettings.rates).toEqual([
      { country: "US", region: null, ratePercent: "5" },
      { country: "US", region: "NY", ratePercent: "8.875" },
    ]);
    const lines = [
      { lineId: "l1", productId: "p1", categoryIds: [shoes.id], unitPriceCents: 1200, quantity: 2 },
      { lineId: "l2", productId: "p2", categoryIds: [shoes.id], unitPriceCents: 3600, quantity: 1 },
      { lineId: "l3", productId: "p3", categoryIds: ["cat_other"], unitPriceCents: 1000, quantity: 1 },
    ];
    const address = { country: "US", region: "NY" };
    const [zone] = (await loadShippingZones(db)).filter((z) => z.countries.includes("US"));
    const priced = priceOrder({
      lines,
      discount: await liveDiscountRule(db, " shoes 10", new Date()),
      shippingMethod: zone!.methods[0],
      taxSettings,
      address,
    });
    // Shoes $60.00, 10 % off = $6.00 (2.40 + 3.60); the socks' $10.00 is not shoes. Goods $64.00 < $100: ground $5.99.
    // Tax at 8.875 %: 21.60 → 1.917 → $1.92; 32.40 → 2.8755 → $2.88; 10.00 → $0.8875 → $0.89; 5.99 → 0.5316 → $0.53.
    expect(priced).toMatchObject({
      subtotalCents: 7000,
      discountCents: 600,
      shippingCents: 599,
      taxCents: 192 + 288 + 89 + 53,
      totalCents: 6400 + 599 + 622,
      taxIncluded: false,
    });
    expect(priced.lines.map((line) => line.discountCents)).toEqual([240, 360, 0]);
  });
});
