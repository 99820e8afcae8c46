/**
 * Proving that an account receives mail at an address, with the care of the password-reset link:
 * a 256-bit token derived from a seed (link-token.ts), stored only as its SHA-256, used once,
 * within a day. A link proves one address: the account's own (sent at registration and on
 * request) or a new one the account asked to move to (email-change.ts), which becomes the
 * account's only when its link is followed. Only the signed-in owner can ask for links, and the
 * limit counts per account, so no one else can use up the owner's allowance.
 */
import { type Db, isConstraintViolation } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { enqueue } from "@shopwright/jobs";
import { storefrontRoutes } from "@shopwright/routes";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { badRequest, conflict } from "../errors.ts";
import { enforceRateLimits, type RateLimitRule } from "../lib/rate-limit.ts";
import { linkToken, linkTokenHash, newLinkSeed } from "./link-token.ts";
import { sessionEnded } from "./sessions.ts";

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
const PURPOSE = "email-verification";

/** Links an account may ask for (a re-send or an email change) per hour. */
export const EMAIL_LINKS_PER_HOUR = { limit: 5, windowSeconds: 60 * 60 } satisfies RateLimitRule;

/**
 * What else happens in a verification's transaction, once `email` is proven to be the account's:
 * that address's guest orders are attached to the account (orders/guest-orders.ts). Orders sit
 * above auth, so the composition root passes the attaching in, as it passes `OnSignIn`. It runs
 * once per link (the link's single use is its gate) and must be idempotent, since an account may
 * verify the same address again. What it returns is its own business.
 */
export type OnEmailVerified = (tx: Db, verified: { userId: string; email: string }) => Promise<unknown>;

/** Counts one link asked for by the account; only its signed-in owner can spend this allowance. */
export function limitEmailLinks(db: Db, config: ApiConfig, userId: string): Promise<void> {
  if (!config.rateLimits) return Promise.resolve();
  return enforceRateLimits(db, [{ key: `email-link:user:${userId}`, rule: EMAIL_LINKS_PER_HOUR }]);
}

/**
 * Records a link for `email` and enqueues its email, in the caller's transaction: the link exists
 * if and only if its email will be sent. The job gets the seed, never the token.
 */
export async function issueEmailVerification(
  tx: Db,
  config: ApiConfig,
  target: { userId: string; email: string },
  meta: { requestId?: string },
  now = new Date(),
): Promise<void> {
  const seed = newLinkSeed();
  await tx.orm.insert(authTables(tx).emailVerifications).values({
    id: linkTokenHash(linkToken(config.jwtSecret, PURPOSE, seed)),
    userId: target.userId,
    email: target.email,
    expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
  });
  await enqueue(tx, "send_email_verification", { userId: target.userId, seed, requestId: meta.requestId });
}

/** Sends the account a new link for its own address; nothing when that address is verified. */
export async function requestEmailVerification(
  db: Db,
  config: ApiConfig,
  userId: string,
  meta: { requestId?: string },
): Promise<void> {
  await limitEmailLinks(db, config, userId);
  const { users } = authTables(db);
  const [user] = await db.orm
    .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw sessionEnded();
  if (user.verifiedAt) return;
  await db.transaction((tx) => issueEmailVerification(tx, config, { userId, email: user.email }, meta));
}

/**
 * For the verification email's job: the link to send and where, while it is still live. A link
 * used, expired or superseded before its job ran is not sent.
 */
export async function verificationLink(
  db: Db,
  config: ApiConfig,
  payload: { seed: string },
  now = new Date(),
): Promise<{ ref: string; link: string; to: string; name: string; isChange: boolean } | null> {
  const { users, emailVerifications: v } = authTables(db);
  const token = linkToken(config.jwtSecret, PURPOSE, payload.seed);
  const ref = linkTokenHash(token);
  const [row] = await db.orm
    .select({ to: v.email, name: users.name, accountEmail: users.email })
    .from(v)
    .innerJoin(users, eq(users.id, v.userId))
    .where(and(eq(v.id, ref), isNull(v.usedAt), gt(v.expiresAt, now)));
  if (!row) return null;
  return {
    ref,
    link: `${config.publicUrl}${storefrontRoutes.verifyEmail.href()}#token=${token}`,
    to: row.to,
    name: row.name,
    isChange: row.to !== row.accountEmail,
  };
}

const invalidLink = () =>
  badRequest(
    "This verification link has expired, was already used or is not one we sent. Ask for a new one on your account page.",
    { field: "token" },
  );

/**
 * Follows a link: consumes it and marks its address verified, or, for an email change, makes the
 * new address the account's (verified). Verifying an address already verified changes nothing
 * but the link. The link's single use is one conditional update, so of two racing requests one
 * acts and the other is refused.
 */
export async function verifyEmail(
  db: Db,
  input: { token: string },
  deps: { onVerified?: OnEmailVerified } = {},
  now = new Date(),
): Promise<void> {
  const { users, emailVerifications: v } = authTables(db);
  const live = and(eq(v.id, linkTokenHash(input.token)), isNull(v.usedAt), gt(v.expiresAt, now));
  try {
    await db.transaction(async (tx) => {
      const [link] = await tx.orm
        .update(v)
        .set({ usedAt: now })
        .where(live)
        .returning({ userId: v.userId, email: v.email });
      if (!link) throw invalidLink();
      const [user] = await tx.orm.select({ email: users.email }).from(users).where(eq(users.id, link.userId));
      if (!user) throw invalidLink();
      const mine = and(eq(v.userId, link.userId), isNull(v.usedAt));
      if (user.email === link.email) {
        await tx.orm
          .update(users)
          .set({ emailVerifiedAt: now })
          .where(and(eq(users.id, link.userId), isNull(users.emailVerifiedAt)));
        // Other links out for the same address have nothing left to prove.
        await tx.orm
          .update(v)
          .set({ usedAt: now })
          .where(and(mine, eq(v.email, link.email)));
      } else {
        await tx.orm.update(users).set({ email: link.email, emailVerifiedAt: now }).where(eq(users.id, link.userId));
        // Every other link dies: one sent to the old address must not move the account back.
        await tx.orm.update(v).set({ usedAt: now }).where(mine);
      }
      await deps.onVerified?.(tx, link);
    });
  } catch (error) {
    // The address was free when the change was asked for, but another account took it since.
    if (isConstraintViolation(error, "unique")) {
      throw conflict("Another account now uses this email address, so your email stays as it was");
    }
    throw error;
  }
}

/** Housekeeping: links past their day can no longer be followed, so their rows go. */
export async function deleteExpiredVerificationLinks(db: Db, now = new Date()): Promise<void> {
  const { emailVerifications } = authTables(db);
  await db.orm.delete(emailVerifications).where(lte(emailVerifications.expiresAt, now));
}
