/**
 * Refresh-token theft: an attacker copies a shopper's refresh token and uses it first. With plain
 * rotation the attacker's copy becomes the live family and the shopper is the one locked out,
 * for as long as the attacker keeps refreshing. With reuse detection (the shop) the shopper's
 * next refresh presents the consumed token, the whole family is revoked, and the attacker is out.
 * Logout has the same shape: a stateless access token outlives its session until it expires; the
 * shop checks the session family's liveness, so it dies at once.
 */
import { randomBytes } from "node:crypto";
import { createCaller, createTestContext, guestCaller } from "@shopwright/api/testing";
import { newId, type PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { outcome, shopConfig } from "../shop.ts";

export interface RefreshTheftResult {
  naive: { victimRefresh: string; attackerRefreshesAfter: number; attackerStillIn: boolean };
  shop: {
    victimRefresh: string;
    attackerRefresh: string;
    attackerAccessToken: string;
    sessionsRevoked: number;
  };
  logout: { statelessSecondsLeft: number; shopAfterLogout: string };
}

/**
 * THE WRONG WAY: rotation without reuse detection. A used token is merely refused; nobody asks
 * why it came back, so whoever refreshed first owns the session from then on.
 */
function plainRotation() {
  const live = new Set<string>();
  const issue = () => {
    const token = randomBytes(32).toString("base64url");
    live.add(token);
    return token;
  };
  const refresh = (token: string): string | null => (live.delete(token) ? issue() : null);
  return { issue, refresh };
}

/** Seconds until a JWT's `exp`: how long any stateless verifier will keep accepting it. */
function secondsLeft(jwt: string): number {
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { exp: number };
  return payload.exp - Math.floor(Date.now() / 1000);
}

export async function runRefreshTheft(db: PostgresDb): Promise<RefreshTheftResult> {
  const naiveServer = plainRotation();
  const naiveStolen = naiveServer.issue();
  let attacker = naiveServer.refresh(naiveStolen);
  const victimNaive = naiveServer.refresh(naiveStolen);
  let attackerRefreshesAfter = 0;
  for (let i = 0; i < 3 && attacker; i++) {
    attacker = naiveServer.refresh(attacker);
    if (attacker) attackerRefreshesAfter++;
  }

  const anyone = () => guestCaller(db, { config: shopConfig });
  const as = (accessToken: string) => createCaller(createTestContext(db, { config: shopConfig, req: { accessToken } }));
  const email = `${newId("usr")}@example.com`;
  const password = "correct horse battery staple";
  const victim = await anyone().auth.register({ email, password, name: "Ada", tokenDelivery: "body" });
  const stolen = victim.refreshToken!;
  const thief = await anyone().auth.refresh({ refreshToken: stolen });
  // The shopper comes back after the reuse grace period (which forgives two tabs racing): the
  // consumed token's rotation is moved a minute into the past rather than waiting it out.
  await db.run(sql`update sessions set rotated_at = rotated_at - interval '1 minute' where rotated_at is not null`);
  const victimRefresh = await outcome(anyone().auth.refresh({ refreshToken: stolen }));
  const attackerRefresh = await outcome(anyone().auth.refresh({ refreshToken: thief.refreshToken! }));
  const attackerAccessToken = await outcome(as(thief.accessToken).auth.me());
  const [revoked] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from sessions where user_id = ${victim.user.id} and revoked_at is not null`,
  );

  const session = await anyone().auth.login({ email, password, tokenDelivery: "body" });
  await as(session.accessToken).auth.logout();
  const shopAfterLogout = await outcome(as(session.accessToken).auth.me());

  return {
    naive: {
      victimRefresh: victimNaive ? "ok" : "refused",
      attackerRefreshesAfter,
      attackerStillIn: Boolean(attacker),
    },
    shop: { victimRefresh, attackerRefresh, attackerAccessToken, sessionsRevoked: revoked?.n ?? 0 },
    logout: { statelessSecondsLeft: secondsLeft(session.accessToken), shopAfterLogout },
  };
}

export const refreshTheft: Experiment = {
  name: "refresh-theft",
  summary: "a stolen refresh token under plain rotation vs reuse detection; logout with stateless JWTs vs liveness",
  page: "auth.md",
  database: true,
  async run(db) {
    const r = await runRefreshTheft(requireDb(db));
    return {
      title: "refresh-theft: an attacker uses a copied refresh token before its owner does",
      sections: [
        {
          heading: "The wrong way: rotation, but a reused token is merely refused",
          rows: [
            ["owner's next refresh", r.naive.victimRefresh],
            ["attacker's later refreshes that worked", `${r.naive.attackerRefreshesAfter} of 3`],
            ["attacker still signed in", r.naive.attackerStillIn ? "yes, until the token's absolute expiry" : "no"],
          ],
        },
        {
          heading: "Shopwright: auth.refresh with reuse detection (a consumed token revokes its family)",
          rows: [
            ["owner's next refresh", r.shop.victimRefresh],
            ["attacker's next refresh", r.shop.attackerRefresh],
            ["attacker's access token on auth.me", r.shop.attackerAccessToken],
            ["sessions revoked", r.shop.sessionsRevoked],
          ],
        },
        {
          heading: "After logout, the access token of the ended session",
          rows: [
            ["stateless JWT check accepts it for", `${r.logout.statelessSecondsLeft} s more`],
            ["Shopwright (family liveness) answers", r.logout.shopAfterLogout],
          ],
        },
      ],
      verdict:
        "Plain rotation hands the session to whoever refreshes first; reuse detection ends it for both at the " +
        `owner's next refresh, and the liveness check ends a logged-out access token now instead of in ${Math.round(r.logout.statelessSecondsLeft / 60)} minutes.`,
    };
  },
};
