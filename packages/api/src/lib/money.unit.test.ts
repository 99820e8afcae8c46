import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, scaleCents } from "./money.ts";

describe("scaleCents", () => {
  it("rounds to the nearest cent, halves up", () => {
    // $12.00 at 8.875 % is $1.065: half up gives $1.07 (half to even would give $1.06).
    expect(scaleCents(1200, 8_875, 100_000)).toBe(107);
    // $4.95 with 20 % VAT inside: 495 × 20 / 120 = 82.5 cents.
    expect(scaleCents(495, 20, 120)).toBe(83);
    expect(scaleCents(1, 10, 100)).toBe(0);
    expect(scaleCents(5, 10, 100)).toBe(1);
    expect(scaleCents(1999, 1, 3)).toBe(666);
    expect(scaleCents(2000, 1, 3)).toBe(667);
  });

  it("refuses fractions and negative amounts: a caller's mistake, never a price", () => {
    expect(() => scaleCents(1.5, 1, 2)).toThrow(RangeError);
    expect(() => scaleCents(-1, 1, 2)).toThrow(RangeError);
    expect(() => scaleCents(1, 1, 0)).toThrow(RangeError);
  });
});

describe("allocate", () => {
  it("splits in proportion, the left-over cents to the largest remainders", () => {
    // $6.70 over $48.00, $9.99 and $9.00: exact shares 480.07, 99.92 and 90.01.
    expect(allocate(670, [4800, 999, 900])).toEqual([480, 100, 90]);
    expect(allocate(1000, [1, 2, 7])).toEqual([100, 200, 700]);
  });

  it("breaks ties by position, so the same cart always splits the same way", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2, [5, 5, 5])).toEqual([1, 1, 0]);
    expect(allocate(1, [3, 3])).toEqual([1, 0]);
  });

  it("gives nothing to a zero weight and splits zero over nothing", () => {
    expect(allocate(10, [0, 4, 0, 1])).toEqual([0, 8, 0, 2]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
    expect(() => allocate(1, [])).toThrow(RangeError);
  });

  it("always sums to the whole, never goes negative, and keeps each part within a cent of its share", () => {
    const cents = fc.integer({ min: 0, max: 100_000_000 });
    fc.assert(
      fc.property(
        cents,
        fc.array(cents, { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
            // |part − total × weight / sum| < 1, in integers: |part × sum − total × weight| < sum.
            const gap = BigInt(part) * BigInt(sum) - BigInt(total) * BigInt(weights[i]!);
            expect(gap < BigInt(sum) && gap > -BigInt(sum)).toBe(true);
            if (total <= sum) expect(part).toBeLessThanOrEqual(weights[i]!);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
