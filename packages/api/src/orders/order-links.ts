/**
 * Order links: what opens a guest's order without an account. A link's token is 256 bits derived
 * from a random seed as the password-reset link's is (auth/link-token.ts), so a job's payload holds
 * the seed and `order_links` only the token's SHA-256; the token itself exists in the email (or in
 * checkout's answer to the guest who placed the order) and in the page's URL fragment, which no
 * server log or Referer carries.
 *
 * A link opens one order, read exactly as its owner reads it, and can retry its payment; nothing
 * else. Links do not expire: for a guest the link is the order (its tracking, its refunds), and
 * "Find my order" adds a link without ending earlier ones. Guessing is hopeless (2^256) and is
 * also counted: an address that presents links we never sent is refused for a while.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { storefrontRoutes } from "@shopwright/routes";
import { eq } from "drizzle-orm";
import { linkToken, linkTokenHash, newLinkSeed } from "../auth/link-token.ts";
import type { ApiConfig } from "../config.ts";
import { DomainError } from "../errors.ts";
import { addressKey } from "../lib/address-key.ts";
import { enforceRateLimits, type RateLimitRule, releaseRateLimitHit } from "../lib/rate-limit.ts";

const PURPOSE = "order-link";

/**
 * Links an address may present that open nothing, per window. A shopper mistypes a copied link a
 * few times at most; anything past this is a scan.
 */
export const ORDER_LINK_MISSES_PER_IP = { limit: 20, windowSeconds: 60 * 60 } satisfies RateLimitRule;

/**
 * Records the link that `seed` derives for the order and returns its token. A retried job derives
 * the same token from the same seed, so it records nothing twice.
 */
export async function recordOrderLink(
  db: Db,
  config: ApiConfig,
  orderId: string,
  seed: string,
  now = new Date(),
): Promise<string> {
  const token = linkToken(config.jwtSecret, PURPOSE, seed);
  await db.orm
    .insert(ordersTables(db).orderLinks)
    .values({ id: linkTokenHash(token), orderId, createdAt: now })
    .onConflictDoNothing();
  return token;
}

/** A new link for the order, for the guest who just placed it. */
export const issueOrderLink = (db: Db, config: ApiConfig, orderId: string) =>
  recordOrderLink(db, config, orderId, newLinkSeed());

/** The page the link opens: the token in the fragment, as the reset link carries its own. */
export const orderLinkUrl = (config: Pick<ApiConfig, "publicUrl">, token: string) =>
  `${config.publicUrl}${storefrontRoutes.orderLink.href()}#token=${token}`;

const unknownLink = () =>
  new DomainError(
    "NOT_FOUND",
    "This order link is not one we sent, or its order no longer exists. Ask for a new link with your email and order number.",
  );

/**
 * The order a link opens, or NOT_FOUND in words. Each miss counts against the caller's address
 * (`ORDER_LINK_MISSES_PER_IP`); a link that opens an order gives its count back, so a page that
 * reloads its order never runs into the limit.
 */
export async function orderIdForLink(db: Db, config: ApiConfig, token: string, meta: { ip: string }): Promise<string> {
  const counted = config.rateLimits ? `order-link:miss:${addressKey(meta.ip)}` : null;
  if (counted) await enforceRateLimits(db, [{ key: counted, rule: ORDER_LINK_MISSES_PER_IP }]);
  const { orderLinks } = ordersTables(db);
  const [link] = await db.orm
    .select({ orderId: orderLinks.orderId })
    .from(orderLinks)
    .where(eq(orderLinks.id, linkTokenHash(token)));
  if (!link) throw unknownLink();
  if (counted) await releaseRateLimitHit(db, counted);
  return link.orderId;
}
