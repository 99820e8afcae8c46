import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runGuestMergeRace } from "./guest-merge-race.ts";

const testDb = useTestDb();

it("a read-modify-write merge loses lines under concurrent sign-ins; the shop's merge loses none", async () => {
  const r = await runGuestMergeRace(testDb(), { devices: 8, naiveTrials: 20, shopTrials: 1 });
  expect(r.naive.kept).toBeLessThan(r.naive.expected);
  expect(r.shop).toEqual({ trials: 1, expected: 8, kept: 8, trialsLosingItems: 0 });
});
