import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runRefreshTheft } from "./refresh-theft.ts";

const testDb = useTestDb();

it("plain rotation keeps the thief in; reuse detection and the liveness check end the session", async () => {
  const r = await runRefreshTheft(testDb());
  expect(r.naive).toEqual({ victimRefresh: "refused", attackerRefreshesAfter: 3, attackerStillIn: true });
  expect(r.shop).toMatchObject({
    victimRefresh: "UNAUTHORIZED",
    attackerRefresh: "UNAUTHORIZED",
    attackerAccessToken: "UNAUTHORIZED",
  });
  expect(r.shop.sessionsRevoked).toBeGreaterThan(0);
  expect(r.logout.statelessSecondsLeft).toBeGreaterThan(14 * 60);
  expect(r.logout.shopAfterLogout).toBe("UNAUTHORIZED");
});
