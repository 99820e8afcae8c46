/**
 * Accounts and sign-in: register (which emails a verification link), log in, refresh, log out,
 * profile, password change. Plain
 * functions over a Db; the router adds transport (cookies, input parsing) and nothing else.
 */
import { type Address, type Db, isConstraintViolation, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { and, eq, isNull } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { badRequest, conflict, notFound, unauthorized } from "../errors.ts";
import { addressKey } from "../lib/address-key.ts";
import { enforceRateLimits, type RateLimitRule } from "../lib/rate-limit.ts";
import { issueAccessToken, type Role, type Viewer } from "./access-token.ts";
import { isCommonPassword } from "./common-passwords.ts";
import { cancelEmailChange } from "./email-change.ts";
import { issueEmailVerification } from "./email-verification.ts";
import { beginLoginAttempt } from "./login-throttle.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.ts";
import { COMMON_PASSWORD_MESSAGE } from "./password-policy.ts";
import { forgetFamilies } from "./session-liveness.ts";
import {
  consumeRefreshToken,
  type IssuedRefreshToken,
  issueRefreshToken,
  revokeSessions,
  sessionEnded,
} from "./sessions.ts";

/** Sign-in has its own throttle (login-throttle.ts); these count every attempt. */
const RATE_LIMITS = {
  registerPerEmail: { limit: 5, windowSeconds: 60 * 60 },
  registerPerIp: { limit: 20, windowSeconds: 60 * 60 },
  passwordChangePerUser: { limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Whether the account has followed a verification link sent to `email`. */
  emailVerified: boolean;
  shippingAddress: Address | null;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
  requestId?: string;
}

/**
 * What else happens in a sign-in's transaction (the cart adopts the guest's lines). Auth sits below
 * the cart, so the composition root passes this in rather than auth importing the cart.
 */
export type OnSignIn = (tx: Db, signIn: { userId: string; cartToken: string | undefined }) => Promise<void>;

export interface SignInDeps {
  config: ApiConfig;
  onSignIn: OnSignIn;
}

export interface SignedIn extends IssuedRefreshToken {
  accessToken: string;
  accessTokenExpiresAt: Date;
  user: PublicUser;
}

const invalidCredentials = () => unauthorized("Email or password is incorrect");

function rateLimited(db: Db, config: ApiConfig, checks: Array<{ key: string; rule: RateLimitRule }>) {
  return config.rateLimits ? enforceRateLimits(db, checks) : Promise.resolve();
}

/**
 * The rules beyond length (which the router checks): not the account's own email, and not one of
 * the most common passwords.
 */
export async function assertPasswordAllowed(password: string, email: string, field = "password") {
  if (password.trim().toLowerCase() === email) {
    throw badRequest("Choose a password that is not your email address", { field });
  }
  if (await isCommonPassword(password)) throw badRequest(COMMON_PASSWORD_MESSAGE, { field });
}

/** An account's columns that its owner (and the back office) may see. */
export function publicColumns(db: Db) {
  const { users } = authTables(db);
  return {
    id: users.id,
    email: users.email,
    name: users.name,
    role: users.role,
    emailVerifiedAt: users.emailVerifiedAt,
    shippingAddress: users.shippingAddress,
  };
}

type PublicRow = Omit<PublicUser, "emailVerified"> & { emailVerifiedAt: Date | null };

const publicUser = ({ emailVerifiedAt, ...row }: PublicRow): PublicUser => ({
  ...row,
  emailVerified: emailVerifiedAt !== null,
});

async function signIn(
  tx: Db,
  { config, onSignIn }: SignInDeps,
  user: PublicUser,
  input: { cartToken: string | undefined; userAgent: string | undefined },
): Promise<SignedIn> {
  const issued = await issueRefreshToken(tx, { userId: user.id, userAgent: input.userAgent });
  await onSignIn(tx, { userId: user.id, cartToken: input.cartToken });
  const access = await issueAccessToken(config.jwtSecret, {
    userId: user.id,
    role: user.role,
    familyId: issued.familyId,
  });
  return { ...issued, ...access, user };
}

export async function register(
  db: Db,
  deps: SignInDeps,
  input: { email: string; password: string; name: string; cartToken?: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  await assertPasswordAllowed(input.password, input.email);
  await rateLimited(db, deps.config, [
    { key: `register:ip:${addressKey(meta.ip)}`, rule: RATE_LIMITS.registerPerIp },
    { key: `register:email:${input.email}`, rule: RATE_LIMITS.registerPerEmail },
  ]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.orm
        .insert(authTables(tx).users)
        .values({ id: newId("usr"), email: input.email, name: input.name, passwordHash, role: "customer" })
        .returning(publicColumns(tx));
      if (!user) throw new Error("user insert returned no row");
      await issueEmailVerification(tx, deps.config, { userId: user.id, email: user.email }, meta);
      return signIn(tx, deps, publicUser(user), { cartToken: input.cartToken, userAgent: meta.userAgent });
    });
  } catch (error) {
    // The unique index decides, so two registrations racing for one email cannot both win.
    if (isConstraintViolation(error, "unique")) throw conflict("An account with this email already exists");
    throw error;
  }
}

export async function login(
  db: Db,
  deps: SignInDeps,
  input: { email: string; password: string; cartToken?: string },
  meta: RequestMeta,
): Promise<SignedIn> {
  const attempt = deps.config.rateLimits ? await beginLoginAttempt(db, input.email, meta.ip) : undefined;
  const { users } = authTables(db);
  const [account] = await db.orm
    .select({ ...publicColumns(db), passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email));
  const valid = account
    ? await verifyPassword(account.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!account || !valid) throw invalidCredentials();
  await attempt?.succeeded();
  const { passwordHash: _, ...user } = account;
  return db.transaction((tx) =>
    signIn(tx, deps, publicUser(user), { cartToken: input.cartToken, userAgent: meta.userAgent }),
  );
}

/**
 * Trades a refresh token for a new access token and the token's successor. The old token is
 * consumed in the same transaction that issues the new one; see consumeRefreshToken for what
 * happens to a token presented twice.
 */
/**
 * Rotates a refresh token: a successor and an access token. A browser's two tabs may refresh with
 * the same cookie at once; the one that loses that race (inside REUSE_GRACE_SECONDS) gets an
 * access token for the family when `answerLostRace` is set (`rotated` null: the winner's cookie is
 * the browser's), rather than UNAUTHORIZED and a cleared cookie, which signed the browser out.
 */
export async function refresh(
  db: Db,
  config: ApiConfig,
  refreshToken: string,
  meta: RequestMeta,
  options: { answerLostRace?: boolean } = {},
): Promise<{ accessToken: string; accessTokenExpiresAt: Date; rotated: IssuedRefreshToken | null }> {
  const outcome = await db.transaction(async (tx) => {
    const consumed = await consumeRefreshToken(tx, refreshToken);
    if (!consumed.ok) {
      if (!consumed.lostRace || !options.answerLostRace) return consumed;
      const viewer = await liveViewer(tx, consumed.lostRace);
      return viewer ? { ok: true as const, issued: null, viewer } : { ok: false as const };
    }
    const { userId, familyId, absoluteExpiresAt } = consumed.session;
    const viewer = await liveViewer(tx, { userId, familyId });
    if (!viewer) return { ok: false as const };
    const issued = await issueRefreshToken(tx, {
      userId,
      userAgent: meta.userAgent,
      family: { id: familyId, absoluteExpiresAt },
    });
    return { ok: true as const, issued, viewer };
  });
  if (!outcome.ok) {
    forgetFamilies(outcome.revokedFamilies ?? []);
    throw sessionEnded();
  }
  return { ...(await issueAccessToken(config.jwtSecret, outcome.viewer)), rotated: outcome.issued };
}

/** The viewer a family's access token names, if its user exists and the family has a live session. */
async function liveViewer(tx: Db, { userId, familyId }: { userId: string; familyId: string }) {
  const { users, sessions } = authTables(tx);
  const [user] = await tx.orm.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [live] = await tx.orm
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)))
    .limit(1);
  return live ? { userId, role: user.role, familyId } : null;
}

/** Ends this sign-in (its whole token family), or every session of the user. */
export async function logout(db: Db, viewer: Viewer, input: { allDevices: boolean }): Promise<void> {
  const scope = input.allDevices ? { userId: viewer.userId } : { familyId: viewer.familyId };
  forgetFamilies(await revokeSessions(db, scope));
}

export async function getProfile(db: Db, userId: string): Promise<PublicUser> {
  const [user] = await db.orm
    .select(publicColumns(db))
    .from(authTables(db).users)
    .where(eq(authTables(db).users.id, userId));
  if (!user) throw sessionEnded();
  return publicUser(user);
}

export async function updateProfile(
  db: Db,
  userId: string,
  input: { name?: string; shippingAddress?: Address | null },
): Promise<PublicUser> {
  const { users } = authTables(db);
  if (input.name === undefined && input.shippingAddress === undefined) return getProfile(db, userId);
  const [user] = await db.orm
    .update(users)
    .set({ name: input.name, shippingAddress: input.shippingAddress })
    .where(eq(users.id, userId))
    .returning(publicColumns(db));
  if (!user) throw notFound("Account");
  return publicUser(user);
}

/**
 * Changes the password after checking the current one, and ends every other session: whoever
 * else holds a token for this account is signed out, and an email change they asked for is
 * dropped. The caller's own sign-in stays.
 */
export async function changePassword(
  db: Db,
  config: ApiConfig,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { users } = authTables(db);
  await rateLimited(db, config, [{ key: `password:user:${viewer.userId}`, rule: RATE_LIMITS.passwordChangePerUser }]);
  const [account] = await db.orm
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, viewer.userId));
  if (!account) throw sessionEnded();
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw badRequest("The current password is incorrect", { field: "currentPassword" });
  }
  await assertPasswordAllowed(input.newPassword, account.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await db.transaction(async (tx) => {
    await tx.orm.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId));
    await cancelEmailChange(tx, { userId: viewer.userId, email: account.email });
    return revokeSessions(tx, { userId: viewer.userId, exceptFamilyId: viewer.familyId });
  });
  forgetFamilies(revoked);
}
