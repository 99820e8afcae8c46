/**
 * Fixed-window rate limits counted in the database, so every server process shares them. One hit is
 * one atomic upsert: it opens a window, counts within it, or restarts an expired one, and returns
 * the count it left — no read-then-write, so concurrent hits from many processes never undercount.
 */
import type { Db } from "@shopwright/db";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { tooManyRequests } from "../errors.ts";

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitHit {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitHit> {
  const { rateLimits } = rateLimitTables(db);
  const nextReset = new Date(now.getTime() + rule.windowSeconds * 1000);
  // Dates go through the column's own encoder, so each dialect stores them its own way.
  const nowParam = sql.param(now, rateLimits.resetAt);
  const expired = sql`${rateLimits.resetAt} <= ${nowParam}`;
  const [row] = await db.orm
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: nextReset })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${expired} then ${sql.param(nextReset, rateLimits.resetAt)} else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  if (!row) throw new Error("rate limit upsert returned no row");
  return {
    allowed: row.count <= rule.limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/**
 * Counts one attempt against every key and throws TOO_MANY_REQUESTS if any is over its limit,
 * with the longest wait among them. Every key is counted, so one cannot dodge a limit by
 * tripping another.
 */
export async function enforceRateLimits(
  db: Db,
  checks: ReadonlyArray<{ key: string; rule: RateLimitRule }>,
  now = new Date(),
): Promise<void> {
  let retryAfterSeconds = 0;
  for (const { key, rule } of checks) {
    const hit = await hitRateLimit(db, key, rule, now);
    if (!hit.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, hit.retryAfterSeconds);
  }
  if (retryAfterSeconds > 0) throw tooManyRequests(retryAfterSeconds);
}

/** Deletes counters whose window has passed, for a periodic job: the next hit would restart them. */
export async function deleteExpiredRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.orm.delete(rateLimitTables(db).rateLimits).where(lte(rateLimitTables(db).rateLimits.resetAt, now));
}

/**
 * Takes back one hit, for a hit counted up front and then found not to be what the limit counts
 * (a sign-in that succeeded, or an attempt that was refused before it was tried).
 */
export async function releaseRateLimitHit(db: Db, key: string): Promise<void> {
  const { rateLimits } = rateLimitTables(db);
  await db.orm
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0)));
}

/** Forgets a key's count, e.g. an address's failed sign-ins once it signs in. */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.orm.delete(rateLimitTables(db).rateLimits).where(eq(rateLimitTables(db).rateLimits.key, key));
}
