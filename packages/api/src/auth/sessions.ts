/**
 * Refresh tokens, stored as lucia sessions. A token is 256 random bits handed to the client once;
 * the session row's id is its SHA-256, so a leaked table yields no usable token. Every refresh
 * consumes the presented token and issues a successor in the same family; a token presented again
 * after it was consumed means two parties hold it, and the whole family is revoked.
 *
 * lucia creates sessions (through its Drizzle adapter, with our id and attributes); rotation,
 * reuse detection and revocation are ours, since lucia v3 has no notion of token families.
 */
import { createHash, randomBytes } from "node:crypto";
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { type Db, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { unauthorized } from "../errors.ts";

/** A signed-in call whose account or session is gone. */
export const sessionEnded = () => unauthorized("Your session has ended; sign in again");

/** A refresh token dies after 30 days unused… */
export const IDLE_TTL_SECONDS = 30 * 86_400;
/** …and 90 days after the sign-in that started its family, however often it is used. */
export const ABSOLUTE_TTL_SECONDS = 90 * 86_400;
/**
 * How long after a token was consumed presenting it again counts as a race (two tabs refreshing
 * with the same cookie) rather than theft: the family survives, and the late request is not
 * given a successor (the winner's is the one).
 */
export const REUSE_GRACE_SECONDS = 10;

interface SessionAttributes {
  familyId: string;
  absoluteExpiresAt: Date;
  userAgent: string | null;
}

declare module "lucia" {
  interface Register {
    DatabaseSessionAttributes: SessionAttributes;
  }
}

/**
 * lucia's Drizzle adapter for Postgres on every dialect: it only uses Drizzle's query builder,
 * which `db.orm` offers alike on each (its SQLite adapter would write `expires_at` as raw seconds).
 */
function luciaFor(db: Db, expiresInSeconds: number) {
  const adapter = new DrizzlePostgreSQLAdapter(db.orm, authTables(db).sessions, authTables(db).users);
  return new Lucia(adapter, { sessionExpiresIn: new TimeSpan(expiresInSeconds, "s") });
}

const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface IssuedRefreshToken {
  refreshToken: string;
  familyId: string;
  expiresAt: Date;
}

/** Issues a refresh token: a new family at sign-in, or the successor within one at refresh. */
export async function issueRefreshToken(
  db: Db,
  input: { userId: string; userAgent: string | undefined; family?: { id: string; absoluteExpiresAt: Date } },
): Promise<IssuedRefreshToken> {
  const now = Date.now();
  const familyId = input.family?.id ?? newId("fam");
  const absoluteExpiresAt = input.family?.absoluteExpiresAt ?? new Date(now + ABSOLUTE_TTL_SECONDS * 1000);
  const remainingSeconds = Math.floor((absoluteExpiresAt.getTime() - now) / 1000);
  const refreshToken = randomBytes(32).toString("base64url");
  const session = await luciaFor(db, Math.min(IDLE_TTL_SECONDS, remainingSeconds)).createSession(
    input.userId,
    { familyId, absoluteExpiresAt, userAgent: input.userAgent?.slice(0, 512) ?? null },
    { sessionId: sessionIdOf(refreshToken) },
  );
  return { refreshToken, familyId, expiresAt: session.expiresAt };
}

interface Consumed {
  userId: string;
  familyId: string;
  absoluteExpiresAt: Date;
}

/**
 * Consumes a refresh token: one conditional UPDATE marks it rotated only if it is still current
 * and unexpired, so of any number of concurrent callers exactly one gets the row back. Must run
 * inside the transaction that issues the successor, so the family is never left without one.
 * A token that was already consumed revokes its family, unless it was consumed so recently that
 * this is a race between two requests sent with it (see REUSE_GRACE_SECONDS): then the answer
 * names the family the race was lost in.
 */
export async function consumeRefreshToken(
  tx: Db,
  refreshToken: string,
): Promise<
  | { ok: true; session: Consumed }
  | { ok: false; revokedFamilies?: string[]; lostRace?: { userId: string; familyId: string } }
> {
  const { sessions } = authTables(tx);
  const id = sessionIdOf(refreshToken);
  const now = new Date();
  const [session] = await tx.orm
    .update(sessions)
    .set({ rotatedAt: now })
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.rotatedAt),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .returning({ userId: sessions.userId, familyId: sessions.familyId, absoluteExpiresAt: sessions.absoluteExpiresAt });
  if (session) return { ok: true, session };

  const [stale] = await tx.orm
    .select({
      userId: sessions.userId,
      familyId: sessions.familyId,
      rotatedAt: sessions.rotatedAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.id, id));
  if (!stale?.rotatedAt || stale.revokedAt) return { ok: false };
  if (now.getTime() - stale.rotatedAt.getTime() < REUSE_GRACE_SECONDS * 1000) {
    return { ok: false, lostRace: { userId: stale.userId, familyId: stale.familyId } };
  }
  return { ok: false, revokedFamilies: await revokeSessions(tx, { familyId: stale.familyId }) };
}

/**
 * Revokes live sessions — one family, or every session of a user (optionally but one family) —
 * and returns the families it ended. Once that is committed, pass them to `forgetFamilies` so this
 * process stops accepting their access tokens at once.
 */
export async function revokeSessions(
  db: Db,
  scope: { familyId: string } | { userId: string; exceptFamilyId?: string },
): Promise<string[]> {
  const { sessions } = authTables(db);
  const target =
    "familyId" in scope
      ? eq(sessions.familyId, scope.familyId)
      : and(
          eq(sessions.userId, scope.userId),
          scope.exceptFamilyId ? ne(sessions.familyId, scope.exceptFamilyId) : undefined,
        );
  const families = new Set<string>();
  // A refresh committing meanwhile can add a successor this UPDATE's snapshot did not see (it only
  // waits for rows it saw); repeat until a pass finds nothing live, which also catches that one.
  for (;;) {
    const revoked = await db.orm
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(target, isNull(sessions.revokedAt)))
      .returning({ familyId: sessions.familyId });
    if (revoked.length === 0) return [...families];
    for (const row of revoked) families.add(row.familyId);
  }
}

/**
 * Deletes sessions past their own expiry, for a periodic job. A consumed token is thus remembered
 * (and its reuse detected) for as long as it could ever have been valid.
 */
export async function deleteExpiredSessions(db: Db): Promise<void> {
  await luciaFor(db, IDLE_TTL_SECONDS).deleteExpiredSessions();
}
