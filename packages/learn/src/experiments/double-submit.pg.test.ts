import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runDoubleSubmit } from "./double-submit.ts";

let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
beforeAll(async () => {
  db = await createPostgresTestDb();
});
afterAll(() => db.close());

it("without a key a resend is a second order; with the shop's key it is the first order again", async () => {
  const r = await runDoubleSubmit(db);
  expect(r.lostAnswer).toEqual({ naiveOrders: 2, shopOrders: 1, shopSameOrder: true });
  expect(r.doubleClick).toEqual({ naiveOrders: 2, shopOrders: 1, shopSameOrder: true });
  expect(r.keyReusedForOtherCart).toBe("CONFLICT");
});
