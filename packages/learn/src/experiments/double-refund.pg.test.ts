import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runDoubleRefund } from "./double-refund.ts";

const testDb = useTestDb();

it("the naive handler refunds and restocks once per click and delivery; the shop refunds and restocks once", async () => {
  const r = await runDoubleRefund(testDb(), { clicks: 3, deliveries: 4 });
  expect(r.naive).toEqual({ providerRequests: 3, refundedCents: 7_500, unitsRestocked: 4 });
  expect(r.shop).toEqual({
    refunds: 1,
    providerRequests: 1,
    refundedCents: 2_500,
    unitsRestocked: 1,
    outcomes: { applied: 1, duplicate: 3 },
  });
});
