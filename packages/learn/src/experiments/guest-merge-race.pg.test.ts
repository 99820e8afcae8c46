import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runGuestMergeRace } from "./guest-merge-race.ts";

let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
beforeAll(async () => {
  db = await createPostgresTestDb();
});
afterAll(() => db.close());

it("a read-modify-write merge loses lines under concurrent sign-ins; the shop's merge loses none", async () => {
  const r = await runGuestMergeRace(db, { devices: 8, naiveTrials: 20, shopTrials: 1 });
  expect(r.naive.kept).toBeLessThan(r.naive.expected);
  expect(r.shop).toEqual({ trials: 1, expected: 8, kept: 8, trialsLosingItems: 0 });
});
