import { expect, it } from "vitest";
import { runRounding } from "./rounding.ts";

it("floats under-charge and per-total rounding leaves receipts that do not add up, where the shop's pipeline is exact", () => {
  const f = runRounding({ carts: 2_000 });
  // Floats get exact half cents wrong, each time a cent short.
  expect(f.floats.wrongCarts).toBeGreaterThan(20);
  expect(f.floats.centsOff).toBe(-f.floats.wrongLines);
  // Rounding once on the total disagrees with the lines on a large share of carts, by up to a couple of cents.
  expect(f.perTotal.mismatchedCarts).toBeGreaterThan(200);
  expect(f.perTotal.largestGap).toBeGreaterThanOrEqual(1);
  expect(f.shop).toEqual({ wrongCarts: 0, mismatchedCarts: 0 });
});
