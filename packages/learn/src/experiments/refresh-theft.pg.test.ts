import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runRefreshTheft } from "./refresh-theft.ts";

let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
beforeAll(async () => {
  db = await createPostgresTestDb();
});
afterAll(() => db.close());

it("plain rotation keeps the thief in; reuse detection and the liveness check end the session", async () => {
  const r = await runRefreshTheft(db);
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
