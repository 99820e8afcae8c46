import { describe, expect, it } from "vitest";
import { linePaidCents, lineRefundCents, shippingPaidCents } from "./refund-amounts.ts";

describe("a line's refund amounts", () => {
  it("refunded unit by unit, in any split, add up to exactly what the line cost", () => {
    // Seeded pseudo-random lines and splits, so a failure names a case that can be run again.
    let seed = 31;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let run = 0; run < 500; run += 1) {
      const line = { paidCents: next(1_000_000), quantity: 1 + next(12) };
      let claimed = 0;
      let refunded = 0;
      while (claimed < line.quantity) {
        const units = 1 + next(line.quantity - claimed);
        const part = lineRefundCents(line, claimed, units);
        expect(part).toBeGreaterThanOrEqual(0);
        refunded += part;
        claimed += units;
      }
      expect(refunded).toBe(linePaidCents(line));
    }
  });

  it("gives back a share of what the line paid after its discount, its tax with it", () => {
    // 3 × $4.99 with $1.50 of a code and 8.875 % added: the line paid 1347 + 120 = 1467.
    // Two of the three units: 1467 × 2 / 3 = 978.
    expect(lineRefundCents({ paidCents: 1467, quantity: 3 }, 1, 2)).toBe(978);
  });

  it("gives back shipping with the tax added to it, and without when the tax was inside", () => {
    const method = { id: "s", name: "Standard", estimate: "", priceCents: 599, taxCents: 53 };
    const pricing = { taxShipping: true, taxRate: null, discount: null, shippingMethod: method };
    expect(shippingPaidCents({ shippingCents: 599, pricing: { ...pricing, taxIncluded: false } })).toBe(652);
    expect(shippingPaidCents({ shippingCents: 599, pricing: { ...pricing, taxIncluded: true } })).toBe(599);
    expect(shippingPaidCents({ shippingCents: 0, pricing: null })).toBe(0);
  });
});
