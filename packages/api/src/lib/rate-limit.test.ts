import type { Db } from "@shopwright/db";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { deleteExpiredRateLimits, enforceRateLimits, hitRateLimit } from "./rate-limit.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const rule = { limit: 3, windowSeconds: 60 };

describe("rate limits", () => {
  it("counts hits in a fixed window and says how long to wait once over", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const hits = [];
    for (const second of [0, 10, 20, 30]) hits.push(await hitRateLimit(db, "k:window", rule, at(second)));
    expect(hits.map((h) => [h.count, h.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(hits[3]?.retryAfterSeconds).toBe(30);
  });

  it("starts a new window once the old one has passed", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await hitRateLimit(db, "k:reset", rule, start);
    const later = await hitRateLimit(db, "k:reset", rule, new Date(start.getTime() + 60_000));
    expect(later).toEqual({ allowed: true, count: 1, retryAfterSeconds: 60 });
  });

  it("keeps keys apart", async () => {
    const now = new Date();
    for (let i = 0; i < 4; i++) await hitRateLimit(db, "k:a", rule, now);
    expect((await hitRateLimit(db, "k:b", rule, now)).count).toBe(1);
  });

  it("counts every key and throws TOO_MANY_REQUESTS with the longest wait", async () => {
    const now = new Date();
    const checks = [
      { key: "k:short", rule: { limit: 1, windowSeconds: 10 } },
      { key: "k:long", rule: { limit: 1, windowSeconds: 100 } },
    ];
    await enforceRateLimits(db, checks, now);
    const error = await enforceRateLimits(db, checks, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 100 } });
  });

  it("prunes counters whose window has passed and keeps the rest", async () => {
    const now = new Date("2027-01-01T00:00:00Z");
    await hitRateLimit(db, "k:old", rule, new Date(now.getTime() - 61_000));
    await hitRateLimit(db, "k:current", rule, now);
    await deleteExpiredRateLimits(db, now);
    const keys = (await db.orm.select().from(rateLimitTables(db).rateLimits)).map((row) => row.key);
    expect(keys).toContain("k:current");
    expect(keys).not.toContain("k:old");
  });
});
