/**
 * The signed-in procedure tiers, built on the kernel's \`publicProcedure\`: middleware that checks the
 * bearer token and narrows the context to its viewer. Auth's, since checking a token is auth's
 * job; every domain that serves signed-in callers sits above auth and imports them from here.
 */
import type { Context } from "../context.ts";
import { forbidden, unauthorized } from "../errors.ts";
import { publicProcedure } from "../trpc.ts";
import { type Viewer, verifyAccessToken } from "./access-token.ts";
import { isFamilyLive } from "./session-liveness.ts";

/** Resolves the bearer token, if any, without requiring one (carts serve guests and users). */
export const viewerProcedure = publicProcedure
  .meta({ access: "anyone: a guest, or the signed-in caller as themself" })
  .use(async ({ ctx, next }) => {
    const viewer = ctx.req.accessToken ? await authenticate(ctx) : null;
    return next({ ctx: { viewer } });
  });

export const protectedProcedure = publicProcedure.meta({ access: "signed in" }).use(async ({ ctx, next }) => {
  if (!ctx.req.accessToken) throw unauthorized();
  return next({ ctx: { viewer: await authenticate(ctx) } });
});

export const adminProcedure = protectedProcedure.meta({ access: "admin" }).use(async ({ ctx, next }) => {
  if (ctx.viewer.role !== "admin") throw forbidden("Admins only");
  return next({ ctx });
});

async function authenticate(ctx: Context): Promise<Viewer> {
  const viewer = await verifyAccessToken(ctx.config.jwtSecret, ctx.req.accessToken ?? "");
  if (!(await isFamilyLive(ctx.db, viewer.familyId))) throw unauthorized("Your session has ended; sign in again");
  return viewer;
}
