/**
 * Whether a session family is still signed in. Access tokens are checked against it so that a
 * logout or a revoked family ends them within seconds instead of at expiry; a short per-process
 * cache keeps that to one indexed query per family every few seconds. This is the deliberate
 * trade-off against fully stateless tokens: one cheap lookup buys prompt revocation.
 */

import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { and, eq, gt, isNull } from "drizzle-orm";

const CACHE_MS = 3_000;
const cache = new Map<string, { live: boolean; checkedAt: number }>();

export async function isFamilyLive(db: Db, familyId: string, now = Date.now()): Promise<boolean> {
  const hit = cache.get(familyId);
  if (hit && now - hit.checkedAt < CACHE_MS) return hit.live;
  const { sessions } = authTables(db);
  const rows = await db.orm
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.familyId, familyId),
        isNull(sessions.revokedAt),
        isNull(sessions.rotatedAt),
        gt(sessions.expiresAt, new Date(now)),
      ),
    )
    .limit(1);
  const live = rows.length > 0;
  if (cache.size > 10_000) cache.clear();
  cache.set(familyId, { live, checkedAt: now });
  return live;
}

/** Forgets cached answers, so a revocation made by this process takes effect at once. */
export function forgetFamilies(familyIds: Iterable<string>): void {
  for (const id of familyIds) cache.delete(id);
}
