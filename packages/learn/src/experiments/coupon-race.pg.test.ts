import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runCouponRace } from "./coupon-race.ts";

const testDb = useTestDb();

it("read-then-write grants a limited code past its limit, the shop's checkout exactly up to it", async () => {
  const r = await runCouponRace(testDb(), { shoppers: 30, limit: 5 });
  expect(r.naive.granted).toBeGreaterThan(r.limit);
  expect(r.naive.usedCount).toBeLessThan(r.naive.granted);
  expect(r.shop).toMatchObject({ granted: 5, refused: 25, redemptions: 5, usedCount: 5 });
});
