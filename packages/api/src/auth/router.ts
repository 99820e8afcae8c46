import { addressSchema, text } from "@shopwright/db";
import { z } from "zod";
import type { Context } from "../context.ts";
import { DomainError, unauthorized } from "../errors.ts";
import { API_PATH, REFRESH_COOKIE, SESSION_HINT_COOKIE } from "../http-names.ts";
import { publicProcedure, router } from "../trpc.ts";
import { emailAddress } from "./email-address.ts";
import { requestEmailChange } from "./email-change.ts";
import { type OnEmailVerified, requestEmailVerification, verifyEmail } from "./email-verification.ts";
import { PASSWORD_LENGTH_MESSAGE, PASSWORD_MAX_LENGTH, passwordProblem } from "./password-policy.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { protectedProcedure } from "./procedures.ts";
import * as auth from "./service.ts";
import type { IssuedRefreshToken } from "./sessions.ts";

const email = emailAddress;

/**
 * A new password exactly as typed: no trimming, no truncation (`passwordProblem` says what is
 * wrong, in the words the apps show before sending); a lone surrogate is not text and could not be
 * hashed faithfully.
 */
const password = text()
  .max(PASSWORD_MAX_LENGTH * 2, PASSWORD_LENGTH_MESSAGE)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const name = text().trim().min(1).max(100);
const refreshToken = text().min(1).max(100);
/** An emailed link's token, as the page read it from the link. */
const linkToken = text().min(1).max(200);
const cartToken = text().min(1).max(200).optional();
const tokenDelivery = z.enum(["cookie", "body"]).default("cookie");

/**
 * Browsers get the refresh token as an httpOnly cookie; scripts that ask get it in the body and no
 * cookie. The access token is always in the body.
 */
function deliver(ctx: Context, issued: IssuedRefreshToken, delivery: "cookie" | "body"): { refreshToken?: string } {
  if (delivery === "body") return { refreshToken: issued.refreshToken };
  const maxAgeSeconds = Math.max(0, Math.floor((issued.expiresAt.getTime() - Date.now()) / 1000));
  ctx.cookies.set(REFRESH_COOKIE, issued.refreshToken, { path: API_PATH, maxAgeSeconds });
  ctx.cookies.set(SESSION_HINT_COOKIE, "1", { maxAgeSeconds, readableByPage: true });
  return {};
}

function forgetCookieSession(ctx: Context) {
  ctx.cookies.delete(REFRESH_COOKIE, { path: API_PATH });
  ctx.cookies.delete(SESSION_HINT_COOKIE);
}

const meta = (ctx: Context): auth.RequestMeta => ({
  ip: ctx.req.ip,
  userAgent: ctx.req.userAgent,
  requestId: ctx.req.requestId,
});

/**
 * Register and login alike: the guest cart to merge comes from the input or the request, and the
 * refresh token goes out the way the caller asked.
 */
async function signIn<Input extends { tokenDelivery: "cookie" | "body"; cartToken?: string }>(
  ctx: Context,
  input: Input,
  run: (fields: Omit<Input, "tokenDelivery">) => Promise<auth.SignedIn>,
) {
  const { tokenDelivery: delivery, ...fields } = input;
  const signedIn = await run({ ...fields, cartToken: input.cartToken ?? ctx.req.cartToken });
  const { accessToken, accessTokenExpiresAt, user } = signedIn;
  return { accessToken, accessTokenExpiresAt, user, ...deliver(ctx, signedIn, delivery) };
}

/**
 * The auth router, given what a sign-in also does in its transaction (see `OnSignIn`), and what a
 * verification does (see `OnEmailVerified`).
 */
export const createAuthRouter = ({
  onSignIn,
  onEmailVerified,
}: {
  onSignIn: auth.OnSignIn;
  onEmailVerified?: OnEmailVerified;
}) =>
  router({
    register: publicProcedure
      .input(z.object({ email, password, name, tokenDelivery, cartToken }))
      .mutation(({ ctx, input }) =>
        signIn(ctx, input, (fields) => auth.register(ctx.db, { config: ctx.config, onSignIn }, fields, meta(ctx))),
      ),

    login: publicProcedure
      .input(z.object({ email, password: text().min(1).max(512), tokenDelivery, cartToken }))
      .mutation(({ ctx, input }) =>
        signIn(ctx, input, (fields) => auth.login(ctx.db, { config: ctx.config, onSignIn }, fields, meta(ctx))),
      ),

    /** Rotates the refresh token from the body, else from the cookie, answering the same way. */
    refresh: publicProcedure
      .input(z.object({ refreshToken: refreshToken.optional() }).optional())
      .mutation(async ({ ctx, input }) => {
        const fromBody = input?.refreshToken;
        const presented = fromBody ?? ctx.cookies.get(REFRESH_COOKIE);
        if (!presented) {
          // A stale hint without its refresh cookie would have the app ask again on every load.
          if (!fromBody) ctx.cookies.delete(SESSION_HINT_COOKIE);
          throw unauthorized("Sign in to continue");
        }
        // A cookie is shared by the browser's tabs, so one of two refreshing at once loses the race
        // and is answered with an access token only; a script holds its own token and must not race.
        const refreshed = await auth
          .refresh(ctx.db, ctx.config, presented, meta(ctx), { answerLostRace: !fromBody })
          .catch((error: unknown) => {
            // The cookie's session is over (expired, revoked, reused): stop the browser presenting it.
            if (!fromBody && error instanceof DomainError && error.code === "UNAUTHORIZED") forgetCookieSession(ctx);
            throw error;
          });
        const { accessToken, accessTokenExpiresAt, rotated } = refreshed;
        const delivered = rotated ? deliver(ctx, rotated, fromBody ? "body" : "cookie") : {};
        return { accessToken, accessTokenExpiresAt, ...delivered };
      }),

    logout: protectedProcedure
      .input(z.object({ allDevices: z.boolean().default(false) }).optional())
      .mutation(async ({ ctx, input }) => {
        await auth.logout(ctx.db, ctx.viewer, { allDevices: input?.allDevices ?? false });
        forgetCookieSession(ctx);
        return { ok: true as const };
      }),

    me: protectedProcedure.query(({ ctx }) => auth.getProfile(ctx.db, ctx.viewer.userId)),

    updateProfile: protectedProcedure
      .input(z.object({ name: name.optional(), shippingAddress: addressSchema.nullable().optional() }))
      .mutation(({ ctx, input }) => auth.updateProfile(ctx.db, ctx.viewer.userId, input)),

    /** The same answer whether or not the account exists; the link comes by email. */
    requestPasswordReset: publicProcedure.input(z.object({ email })).mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, ctx.config, input, { ip: ctx.req.ip, requestId: ctx.req.requestId });
      return { ok: true as const };
    }),

    /** Sets a new password with the emailed link's token; every session of the account ends. */
    resetPassword: publicProcedure.input(z.object({ token: linkToken, password })).mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input);
      return { ok: true as const };
    }),

    /** Emails a new link for the account's own address; nothing is sent once it is verified. */
    requestEmailVerification: protectedProcedure.mutation(async ({ ctx }) => {
      await requestEmailVerification(ctx.db, ctx.config, ctx.viewer.userId, { requestId: ctx.req.requestId });
      return { ok: true as const };
    }),

    /** Follows an emailed link: the address is verified, or an email change takes effect. */
    verifyEmail: publicProcedure.input(z.object({ token: linkToken })).mutation(async ({ ctx, input }) => {
      await verifyEmail(ctx.db, input, { onVerified: onEmailVerified });
      return { ok: true as const };
    }),

    /**
     * Requires the current password. The new address gets a link and the old one a notice; the
     * account's email changes only when the link is followed.
     */
    requestEmailChange: protectedProcedure
      .input(z.object({ newEmail: email, password: text().min(1).max(512) }))
      .mutation(async ({ ctx, input }) => {
        await requestEmailChange(ctx.db, ctx.config, ctx.viewer.userId, input, { requestId: ctx.req.requestId });
        return { ok: true as const };
      }),

    /** Requires the current password; every other session of the account ends. */
    changePassword: protectedProcedure
      .input(z.object({ currentPassword: text().min(1).max(512), newPassword: password }))
      .mutation(async ({ ctx, input }) => {
        await auth.changePassword(ctx.db, ctx.config, ctx.viewer, input);
        return { ok: true as const };
      }),
  });
