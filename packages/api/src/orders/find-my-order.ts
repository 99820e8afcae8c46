/**
 * "Find my order": a guest who lost the confirmation email types the email and the order number,
 * and a new order link is emailed to that address when they name one order. The request answers
 * `{ ok: true }` and does the same work whether or not they match (count the attempt, enqueue a
 * job): the job looks the order up, so neither the answer nor its timing says whether an order, or
 * an account, has this address. Only the address the order was placed with ever receives a link.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue } from "@shopwright/jobs";
import { and, eq } from "drizzle-orm";
import { linkTokenHash, newLinkSeed } from "../auth/link-token.ts";
import type { ApiConfig } from "../config.ts";
import { addressKey } from "../lib/address-key.ts";
import { enforceRateLimits, hitRateLimit, type RateLimitRule } from "../lib/rate-limit.ts";
import { orderLinkUrl, recordOrderLink } from "./order-links.ts";

/**
 * An address asking too often is refused (429); an email is never refused: past a few links an
 * hour further requests are answered alike and mail nothing, so a stranger can neither flood the
 * holder's inbox nor stop the holder's own request, and the links already sent keep working.
 */
export const FIND_MY_ORDER_LIMITS = {
  perIp: { limit: 20, windowSeconds: 60 * 60 },
  mailsPerEmail: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export async function findMyOrder(
  db: Db,
  config: ApiConfig,
  input: { email: string; number: number },
  meta: { ip: string; requestId?: string },
): Promise<void> {
  if (config.rateLimits) {
    await enforceRateLimits(db, [{ key: `find-order:ip:${addressKey(meta.ip)}`, rule: FIND_MY_ORDER_LIMITS.perIp }]);
    const mail = await hitRateLimit(db, `find-order:email:${input.email}`, FIND_MY_ORDER_LIMITS.mailsPerEmail);
    if (!mail.allowed) return;
  }
  await enqueue(db, "send_order_link", { ...input, seed: newLinkSeed(), requestId: meta.requestId });
}

/**
 * For "Find my order"'s job: when the email and number name one order, a new link to it (recorded
 * here; a retry derives the same token from the seed and records nothing twice), with what the
 * email says; null when they name none. `ref` is the link's hash: one email per request.
 */
export async function orderLinkForFinder(
  db: Db,
  config: ApiConfig,
  payload: { email: string; number: number; seed: string },
): Promise<{ ref: string; link: string; to: string; number: number; orderId: string } | null> {
  const { orders } = ordersTables(db);
  const [order] = await db.orm
    .select({ id: orders.id, email: orders.email, number: orders.number })
    .from(orders)
    .where(and(eq(orders.number, payload.number), eq(orders.email, payload.email)));
  if (!order) return null;
  const token = await recordOrderLink(db, config, order.id, payload.seed);
  return {
    ref: linkTokenHash(token),
    link: orderLinkUrl(config, token),
    to: order.email,
    number: order.number,
    orderId: order.id,
  };
}
