/**
 * Forgot password. The request answers `{ ok: true }` alike whether or not the account exists, and
 * does the same work either way (count the attempt, enqueue a job): the job looks the address up,
 * and mails it either way — the link, or word that no account has this address — so neither the
 * job's logs nor its timing say which it was.
 * The link's token is derived in the job from a random seed the request chose (see link-token.ts).
 * Resetting consumes the token with one conditional update (used once, within the hour), sets the
 * password, ends every session of the account and drops an email change waiting on its link.
 */
import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { enqueue } from "@shopwright/jobs";
import { storefrontRoutes } from "@shopwright/routes";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { badRequest } from "../errors.ts";
import { addressKey } from "../lib/address-key.ts";
import { enforceRateLimits, hitRateLimit, type RateLimitRule } from "../lib/rate-limit.ts";
import { cancelEmailChange } from "./email-change.ts";
import { linkToken, linkTokenHash, newLinkSeed } from "./link-token.ts";
import { hashPassword } from "./password.ts";
import { assertPasswordAllowed } from "./service.ts";
import { forgetFamilies } from "./session-liveness.ts";
import { revokeSessions } from "./sessions.ts";

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * The limit protects the holder of an email, not whoever types it. A requesting address is refused
 * (429) past its own limit. An email is never refused: past a few mails an hour, further requests
 * are answered alike and mail nothing, so a stranger can neither flood the holder's inbox nor make
 * the holder's own request fail; the links already mailed that hour work.
 */
const RATE_LIMITS = {
  mailsPerEmail: { limit: 3, windowSeconds: RESET_TTL_MS / 1000 },
  perIp: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export async function requestPasswordReset(
  db: Db,
  config: ApiConfig,
  input: { email: string },
  meta: { ip: string; requestId?: string },
): Promise<void> {
  if (config.rateLimits) {
    await enforceRateLimits(db, [{ key: `reset:ip:${addressKey(meta.ip)}`, rule: RATE_LIMITS.perIp }]);
    const mail = await hitRateLimit(db, `reset:email:${input.email}`, RATE_LIMITS.mailsPerEmail);
    if (!mail.allowed) return;
  }
  await enqueue(db, "send_password_reset", {
    email: input.email,
    seed: newLinkSeed(),
    requestedAt: new Date().toISOString(),
    requestId: meta.requestId,
  });
}

/**
 * For the reset email's job: the email's reference (the token's hash, one per request) and, when
 * an account has this address, its name and the link to send, the token's hash recorded for it. A
 * retry re-derives the same token, so it records nothing twice and the email (sent once per
 * reference) goes out once.
 */
export async function recordResetLink(
  db: Db,
  config: ApiConfig,
  payload: { email: string; seed: string; requestedAt: string },
): Promise<{ ref: string; account: { link: string; name: string } | null }> {
  const { users, passwordResets } = authTables(db);
  const token = linkToken(config.jwtSecret, "password-reset", payload.seed);
  const ref = linkTokenHash(token);
  const [user] = await db.orm
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, payload.email));
  if (!user) return { ref, account: null };
  await db.orm
    .insert(passwordResets)
    .values({ id: ref, userId: user.id, expiresAt: new Date(Date.parse(payload.requestedAt) + RESET_TTL_MS) })
    .onConflictDoNothing();
  return {
    ref,
    account: { link: `${config.publicUrl}${storefrontRoutes.resetPassword.href()}#token=${token}`, name: user.name },
  };
}

const invalidLink = () =>
  badRequest("This reset link is invalid, expired or already used. Ask for a new one.", { field: "token" });

export async function resetPassword(db: Db, input: { token: string; password: string }, now = new Date()) {
  const { users, passwordResets } = authTables(db);
  const id = linkTokenHash(input.token);
  const live = and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now));
  const [reset] = await db.orm
    .select({ userId: passwordResets.userId, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(live);
  if (!reset) throw invalidLink();
  await assertPasswordAllowed(input.password, reset.email);
  const passwordHash = await hashPassword(input.password);
  const revoked = await db.transaction(async (tx) => {
    // The conditional update is the single use: of two racing resets, one finds the row unused.
    const [consumed] = await tx.orm
      .update(passwordResets)
      .set({ usedAt: now })
      .where(live)
      .returning({ userId: passwordResets.userId });
    if (!consumed) throw invalidLink();
    await tx.orm.update(users).set({ passwordHash }).where(eq(users.id, consumed.userId));
    await cancelEmailChange(tx, { userId: consumed.userId, email: reset.email });
    // Any other link still out for this account dies with this one.
    await tx.orm
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, consumed.userId), isNull(passwordResets.usedAt)));
    return revokeSessions(tx, { userId: consumed.userId });
  });
  forgetFamilies(revoked);
}

/** Housekeeping: links past their hour can no longer be used, so their rows go. */
export async function deleteExpiredResetLinks(db: Db, now = new Date()): Promise<void> {
  const { passwordResets } = authTables(db);
  await db.orm.delete(passwordResets).where(lte(passwordResets.expiresAt, now));
}
