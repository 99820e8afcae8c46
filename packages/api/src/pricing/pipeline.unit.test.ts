/**
 * Orders priced by hand. Every cent below can be checked on paper: VAT inside a price is
 * price × 20 / 120 (a sixth), US tax is price × 8.875 / 100, each rounded to the cent with halves up.
 */
import { describe, expect, it } from "vitest";
import { type PricingInput, type PricingLine, priceOrder } from "./pipeline.ts";
import type { ShippingMethod } from "./shipping.ts";
import { ratePpm, type TaxSettings, taxOn } from "./tax.ts";

const line = (lineId: string, unitPriceCents: number, quantity: number, categoryIds: string[] = []): PricingLine => ({
  lineId,
  productId: `prod_${lineId}`,
  categoryIds,
  unitPriceCents,
  quantity,
});

describe("an EU-style order: prices include 20 % VAT, a 10 % code, free shipping from $50", () => {
  const vat: TaxSettings = { pricesIncludeTax: true, taxShipping: true, rates: [{ country: "FR", ratePercent: "20" }] };
  const standard: ShippingMethod = {
    id: "ship_standard",
    name: "Standard",
    estimate: "2–4 working days",
    priceCents: 495,
    freeAboveCents: 5000,
  };
  const withSpring10 = (lines: PricingLine[]) =>
    priceOrder({
      lines,
      discount: { code: "SPRING10", kind: "percent", value: 10 },
      shippingMethod: standard,
      taxSettings: vat,
      address: { country: "FR" },
    });

  it("takes the code off the shelf prices, ships free, and shows the VAT inside what is paid", () => {
    const order = withSpring10([line("shirt", 2400, 2), line("socks", 999, 1), line("soap", 450, 2)]);
    // Subtotal $66.99; 10 % is $6.699, so $6.70, spread over $48.00, $9.99 and $9.00: exact shares
    // 480.07, 99.92 and 90.01 cents; the one cent left goes to the largest remainder, the socks.
    // VAT is a sixth of each discounted price: 4320 / 6 = 720, 899 / 6 = 149.83 → 150, 810 / 6 = 135.
    expect(order.lines).toEqual([
      { lineId: "shirt", subtotalCents: 4800, discountCents: 480, taxCents: 720, totalCents: 4320 },
      { lineId: "socks", subtotalCents: 999, discountCents: 100, taxCents: 150, totalCents: 899 },
      { lineId: "soap", subtotalCents: 900, discountCents: 90, taxCents: 135, totalCents: 810 },
    ]);
    // The goods come to $60.29 after the code, past $50: shipping is free.
    expect(order.shipping).toEqual({ methodId: "ship_standard", cents: 0, taxCents: 0, totalCents: 0 });
    expect(order).toMatchObject({
      subtotalCents: 6699,
      discountCents: 670,
      shippingCents: 0,
      taxCents: 1005,
      totalCents: 6029,
      taxIncluded: true,
      discount: { code: "SPRING10", applied: true, amountCents: 670 },
      taxRate: { country: "FR", ratePercent: "20" },
    });
  });

  it("measures free shipping after the code: $55.50 of goods less 10 % is $49.95, so shipping is charged, VAT inside it too", () => {
    const order = withSpring10([line("shirt", 2400, 2), line("belt", 750, 1)]);
    // $5.55 off, split 480 / 75 exactly. VAT: 4320 / 6 = 720; 675 / 6 = 112.5 → 113; the shipping's
    // 495 / 6 = 82.5 → 83 (halves round up).
    expect(order.lines).toEqual([
      { lineId: "shirt", subtotalCents: 4800, discountCents: 480, taxCents: 720, totalCents: 4320 },
      { lineId: "belt", subtotalCents: 750, discountCents: 75, taxCents: 113, totalCents: 675 },
    ]);
    expect(order.shipping).toEqual({ methodId: "ship_standard", cents: 495, taxCents: 83, totalCents: 495 });
    expect(order).toMatchObject({
      subtotalCents: 5550,
      discountCents: 555,
      shippingCents: 495,
      taxCents: 916,
      totalCents: 5490,
    });
  });

  it("keeps the total when the address changes and only the tax inside it moves", () => {
    const input = {
      lines: [line("shirt", 2400, 2)],
      taxSettings: { ...vat, rates: [...vat.rates, { country: "DE", ratePercent: "19" }] },
    };
    const france = priceOrder({ ...input, address: { country: "FR" } });
    const germany = priceOrder({ ...input, address: { country: "DE" } });
    // 4800 × 19 / 119 = 766.39 → 766.
    expect([france.totalCents, france.taxCents]).toEqual([4800, 800]);
    expect([germany.totalCents, germany.taxCents]).toEqual([4800, 766]);
  });
});

describe("a US-style order: 8.875 % added, flat $5.99 shipping, taxed", () => {
  const salesTax: TaxSettings = {
    pricesIncludeTax: false,
    taxShipping: true,
    rates: [
      { country: "US", region: "NY", ratePercent: "8.875" },
      { country: "US", region: "NJ", ratePercent: "6.625" },
    ],
  };
  const ground: ShippingMethod = { id: "ship_ground", name: "Ground", estimate: "3–5 business days", priceCents: 599 };
  /** Shipped by ground to New York, unless the test says otherwise. */
  const toNewYork = (input: Pick<PricingInput, "lines"> & Partial<PricingInput>) =>
    priceOrder({ shippingMethod: ground, taxSettings: salesTax, address: { country: "US", region: "NY" }, ...input });

  it("adds tax per line and on shipping", () => {
    const order = toNewYork({ lines: [line("mug", 1200, 1), line("tee", 1999, 3), line("card", 349, 2)] });
    // 1200 × 8.875 % = 106.5 → 107; 5997 × 8.875 % = 532.23 → 532; 698 × 8.875 % = 61.95 → 62;
    // shipping 599 × 8.875 % = 53.16 → 53.
    expect(order.lines).toEqual([
      { lineId: "mug", subtotalCents: 1200, discountCents: 0, taxCents: 107, totalCents: 1307 },
      { lineId: "tee", subtotalCents: 5997, discountCents: 0, taxCents: 532, totalCents: 6529 },
      { lineId: "card", subtotalCents: 698, discountCents: 0, taxCents: 62, totalCents: 760 },
    ]);
    expect(order.shipping).toEqual({ methodId: "ship_ground", cents: 599, taxCents: 53, totalCents: 652 });
    expect(order).toMatchObject({
      subtotalCents: 7895,
      discountCents: 0,
      shippingCents: 599,
      taxCents: 754,
      totalCents: 9248,
      taxIncluded: false,
      discount: null,
      taxRate: { country: "US", region: "NY", ratePercent: "8.875" },
    });
  });

  it("spreads a category code over that category's lines only, subcategories included, before tax", () => {
    const order = toNewYork({
      lines: [
        line("runners", 3000, 1, ["cat_running", "cat_footwear"]),
        line("sandals", 2000, 1, ["cat_sandals", "cat_footwear"]),
        line("socks", 400, 2, ["cat_accessories"]),
      ],
      discount: { code: "FEET5", kind: "fixed", value: 500, categoryId: "cat_footwear" },
    });
    // $5 over $30 and $20 of footwear: 300 and 200. Tax: 2700 → 239.63 → 240; 1800 → 159.75 → 160;
    // 800 → 71; shipping 53.
    expect(order.lines).toEqual([
      { lineId: "runners", subtotalCents: 3000, discountCents: 300, taxCents: 240, totalCents: 2940 },
      { lineId: "sandals", subtotalCents: 2000, discountCents: 200, taxCents: 160, totalCents: 1960 },
      { lineId: "socks", subtotalCents: 800, discountCents: 0, taxCents: 71, totalCents: 871 },
    ]);
    expect(order).toMatchObject({ subtotalCents: 5800, discountCents: 500, taxCents: 524, totalCents: 6423 });
  });

  it("charges no tax on shipping when shipping is not taxed", () => {
    const order = toNewYork({ lines: [line("mug", 1200, 1)], taxSettings: { ...salesTax, taxShipping: false } });
    expect(order.shipping).toEqual({ methodId: "ship_ground", cents: 599, taxCents: 0, totalCents: 599 });
    expect(order).toMatchObject({ taxCents: 107, totalCents: 1906 });
  });

  it("adds no tax before the address is known, or where no rate is set", () => {
    const lines = [line("mug", 1200, 1)];
    for (const address of [undefined, { country: "US", region: "OR" }, { country: "CA" }]) {
      const order = toNewYork({ lines, address });
      expect(order).toMatchObject({ taxRate: null, taxCents: 0, totalCents: 1799 });
    }
  });
});

describe("edge cases", () => {
  const usTax: TaxSettings = {
    pricesIncludeTax: false,
    taxShipping: true,
    rates: [{ country: "US", ratePercent: "8.875" }],
  };
  const us = { country: "US" };

  it("a 1-cent line with a 10 % code: a tenth of a cent rounds to nothing, tax too", () => {
    const order = priceOrder({
      lines: [line("sticker", 1, 1)],
      discount: { code: "TEN", kind: "percent", value: 10 },
      taxSettings: usTax,
      address: us,
    });
    expect(order.lines).toEqual([
      { lineId: "sticker", subtotalCents: 1, discountCents: 0, taxCents: 0, totalCents: 1 },
    ]);
    expect(order).toMatchObject({
      discount: { code: "TEN", applied: true, amountCents: 0 },
      discountCents: 0,
      taxCents: 0,
      totalCents: 1,
    });
  });

  it("a fixed $5 code on a $3 order takes $3, not $5, and shipping is still paid", () => {
    const order = priceOrder({
      lines: [line("pen", 300, 1)],
      discount: { code: "FIVE", kind: "fixed", value: 500 },
      shippingMethod: { id: "ship_ground", name: "Ground", estimate: "3–5 business days", priceCents: 599 },
      taxSettings: usTax,
      address: us,
    });
    expect(order.lines).toEqual([
      { lineId: "pen", subtotalCents: 300, discountCents: 300, taxCents: 0, totalCents: 0 },
    ]);
    // Shipping 599 + 53 tax.
    expect(order).toMatchObject({
      discount: { code: "FIVE", applied: true, amountCents: 300 },
      subtotalCents: 300,
      discountCents: 300,
      shippingCents: 599,
      taxCents: 53,
      totalCents: 652,
    });
  });

  it("three lines whose tax, rounded once on their sum, would be a cent more than the lines show", () => {
    const order = priceOrder({
      lines: [line("a", 140, 1), line("b", 260, 1), line("c", 340, 1)],
      taxSettings: usTax,
      address: us,
    });
    // Per line: 12.425 → 12, 23.075 → 23, 30.175 → 30: 65 in all. Rounded once on the sum instead,
    // 740 × 8.875 % = 65.675 → 66, and the receipt's lines (12 + 23 + 30) would not add up to it.
    expect(order.lines.map((l) => l.taxCents)).toEqual([12, 23, 30]);
    expect(order.taxCents).toBe(65);
    expect(taxOn(740, ratePpm("8.875"), false)).toBe(66);
    expect(order.totalCents).toBe(805);
  });

  it("does not apply a code below its minimum, and says how much is missing", () => {
    const order = priceOrder({
      lines: [line("mug", 1200, 2)],
      discount: { code: "BIG10", kind: "percent", value: 10, minSubtotalCents: 5000 },
      taxSettings: usTax,
    });
    expect(order.discount).toEqual({ code: "BIG10", applied: false, reason: "below_minimum", shortfallCents: 2600 });
    expect(order).toMatchObject({ discountCents: 0, totalCents: 2400 });
  });

  it("measures a category code's minimum on that category's lines alone", () => {
    const order = priceOrder({
      lines: [line("boots", 4000, 1, ["cat_footwear"]), line("hat", 3000, 1, ["cat_hats"])],
      discount: { code: "SHOES10", kind: "percent", value: 10, categoryId: "cat_footwear", minSubtotalCents: 5000 },
      taxSettings: usTax,
    });
    expect(order.discount).toEqual({ code: "SHOES10", applied: false, reason: "below_minimum", shortfallCents: 1000 });
  });

  it("does not apply a category code to a cart without that category", () => {
    const order = priceOrder({
      lines: [line("hat", 3000, 1, ["cat_hats"])],
      discount: { code: "SHOES10", kind: "percent", value: 10, categoryId: "cat_footwear" },
      taxSettings: usTax,
    });
    expect(order.discount).toEqual({ code: "SHOES10", applied: false, reason: "no_eligible_lines" });
    expect(order.lines[0]).toMatchObject({ discountCents: 0, totalCents: 3000 });
  });

  it("prices an empty cart at zero", () => {
    expect(priceOrder({ lines: [], taxSettings: usTax, address: us })).toEqual({
      lines: [],
      shipping: null,
      discount: null,
      taxRate: { country: "US", ratePercent: "8.875" },
      subtotalCents: 0,
      discountCents: 0,
      shippingCents: 0,
      taxCents: 0,
      totalCents: 0,
      taxIncluded: false,
    });
  });

  it("refuses a line that is not whole cents: a caller's defect, never a price", () => {
    expect(() => priceOrder({ lines: [line("x", 10.5, 2)], taxSettings: usTax })).toThrow(RangeError);
    expect(() => priceOrder({ lines: [line("x", 100, -1)], taxSettings: usTax })).toThrow(RangeError);
  });
});
