import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runDoubleSubmit } from "./double-submit.ts";

const testDb = useTestDb();

it("without a key a resend is a second order; with the shop's key it is the first order again", async () => {
  const r = await runDoubleSubmit(testDb());
  expect(r.lostAnswer).toEqual({ naiveOrders: 2, shopOrders: 1, shopSameOrder: true });
  expect(r.doubleClick).toEqual({ naiveOrders: 2, shopOrders: 1, shopSameOrder: true });
  expect(r.keyReusedForOtherCart).toBe("CONFLICT");
});
