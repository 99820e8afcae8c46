import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { createSignedInUser } from "../testing/index.ts";
import { deleteExpiredSessions, IDLE_TTL_SECONDS, issueRefreshToken } from "./sessions.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
afterEach(() => vi.useRealTimers());

it("stores only the token's SHA-256, and prunes sessions once they are past their expiry", async () => {
  const user = await createSignedInUser(db);
  const { sessions } = authTables(db);
  const start = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  const old = await issueRefreshToken(db, { userId: user.id, userAgent: "old" });
  vi.setSystemTime(start + 20 * 86_400_000);
  const recent = await issueRefreshToken(db, { userId: user.id, userAgent: "recent" });

  const stored = await db.orm.select({ id: sessions.id }).from(sessions);
  expect(stored.map((row) => row.id)).not.toContain(old.refreshToken);
  expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);

  vi.setSystemTime(start + (IDLE_TTL_SECONDS + 60) * 1000);
  await deleteExpiredSessions(db);
  const left = await db.orm.select({ userAgent: sessions.userAgent }).from(sessions);
  expect(left.map((row) => row.userAgent)).toEqual(["recent"]);
  expect(recent.familyId).not.toBe(old.familyId);
});
