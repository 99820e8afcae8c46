/** For any cart, code, rate and method: the parts add up to the total, and nothing goes negative. */
import fc from "fast-check";
import { expect, it } from "vitest";
import type { DiscountRule } from "./discounts.ts";
import { type PricingInput, priceOrder } from "./pipeline.ts";

const categories = ["cat_a", "cat_b", "cat_c"];
const cents = (max: number) => fc.integer({ min: 0, max });

const lines = fc
  .array(
    fc.record({
      unitPriceCents: cents(100_000_000),
      quantity: fc.integer({ min: 1, max: 99 }),
      categoryIds: fc.subarray(categories),
    }),
    { maxLength: 12 },
  )
  .map((drawn) => drawn.map((line, i) => ({ ...line, lineId: `line_${i}`, productId: `prod_${i}` })));

const discount: fc.Arbitrary<DiscountRule> = fc
  .record(
    {
      code: fc.constant("CODE"),
      kind: fc.constantFrom("percent", "fixed"),
      value: fc.integer({ min: 1, max: 100_000_000 }),
      categoryId: fc.constantFrom(...categories),
      minSubtotalCents: cents(10_000_000),
    },
    { requiredKeys: ["code", "kind", "value"] },
  )
  .map((rule) => (rule.kind === "percent" ? { ...rule, value: (rule.value % 100) + 1 } : rule));

/** Millionths as the admin would write them: 88,750 → "8.8750". */
const ratePercent = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((ppm) => `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, "0")}`);

const input: fc.Arbitrary<PricingInput> = fc.record({
  lines,
  discount: fc.option(discount, { nil: undefined }),
  shippingMethod: fc.option(
    fc.record({
      id: fc.constant("ship_1"),
      name: fc.constant("Standard"),
      estimate: fc.constant("2 days"),
      priceCents: cents(100_000),
      freeAboveCents: fc.option(cents(10_000_000), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  taxSettings: fc.record({
    pricesIncludeTax: fc.boolean(),
    taxShipping: fc.boolean(),
    rates: ratePercent.map((rate) => [{ country: "US", ratePercent: rate }]),
  }),
  address: fc.option(fc.constant({ country: "US" }), { nil: undefined }),
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

it("the parts always sum to the total and no line goes negative", () => {
  fc.assert(
    fc.property(input, (order) => {
      const priced = priceOrder(order);
      const { lines: pricedLines, shipping } = priced;
      const included = order.taxSettings.pricesIncludeTax;

      expect(sum(pricedLines.map((l) => l.subtotalCents))).toBe(priced.subtotalCents);
      expect(sum(pricedLines.map((l) => l.discountCents))).toBe(priced.discountCents);
      expect(sum(pricedLines.map((l) => l.taxCents)) + (shipping?.taxCents ?? 0)).toBe(priced.taxCents);
      expect(sum(pricedLines.map((l) => l.totalCents)) + (shipping?.totalCents ?? 0)).toBe(priced.totalCents);
      expect(priced.totalCents).toBe(
        priced.subtotalCents - priced.discountCents + priced.shippingCents + (included ? 0 : priced.taxCents),
      );

      const ppm = priced.taxRate ? Math.round(Number(priced.taxRate.ratePercent) * 10_000) : 0;
      const perMillion = BigInt(included ? 1_000_000 + ppm : 1_000_000);
      pricedLines.forEach((line, i) => {
        for (const value of [line.subtotalCents, line.discountCents, line.taxCents, line.totalCents]) {
          expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
        }
        expect(line.discountCents).toBeLessThanOrEqual(line.subtotalCents);
        const eligible = !order.discount?.categoryId || order.lines[i]!.categoryIds.includes(order.discount.categoryId);
        if (!eligible) expect(line.discountCents).toBe(0);
        // Within half a cent of the exact tax: |tax − net × r| ≤ ½, in integers.
        const net = BigInt(line.subtotalCents - line.discountCents);
        const gap = 2n * BigInt(line.taxCents) * perMillion - 2n * net * BigInt(ppm);
        expect(gap <= perMillion && gap >= -perMillion).toBe(true);
      });
      if (shipping) {
        expect([0, order.shippingMethod!.priceCents]).toContain(shipping.cents);
        expect(shipping.taxCents).toBeGreaterThanOrEqual(0);
      }
    }),
    { numRuns: 1_000 },
  );
});
