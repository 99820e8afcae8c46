import { describe, expect, it } from "vitest";
import { linePaidCents, lineRefundCents } from "./refund-amounts.ts";

describe("a line's refund amounts", () => {
  it("refunded unit by unit, in any split, add up to exactly what the line cost", () => {
    // Seeded pseudo-random lines and splits, so a failure names a case that can be run again.
    let seed = 31;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let run = 0; run < 500; run += 1) {
      const line = { unitPriceCents: next(100_000), quantity: 1 + next(12) };
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

  it("gives back quantity × unit price while lines hold no per-line discount or tax", () => {
    expect(lineRefundCents({ unitPriceCents: 499, quantity: 3 }, 1, 2)).toBe(998);
  });
});
