/**
 * The shop's side of every experiment: its real procedures, called the way its own tests call
 * them (a tRPC caller per shopper, no HTTP), so "Shopwright" in a report is the shop's code.
 */
import { createProduct, createSignedInUser, fillCart, openShipping, testAddress } from "@shopwright/api/testing";
import type { Db } from "@shopwright/db";

/** Rate limits would refuse the crowds the experiments send; they are measured elsewhere. */
export const shopConfig = { rateLimits: false };

export type Shopper = Awaited<ReturnType<typeof createSignedInUser>>;

/** `count` signed-in shoppers, each with `quantity` of the product in their cart. */
export async function shoppersWithCart(db: Db, count: number, productId: string, quantity = 1): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  for (let i = 0; i < count; i++) {
    const shopper = await createSignedInUser(db, { config: shopConfig });
    await fillCart(db, shopper.id, [{ productId, quantity }]);
    shoppers.push(shopper);
  }
  return shoppers;
}

export function checkoutAs(shopper: Shopper, idempotencyKey: string) {
  return shopper.caller.orders.checkout({ idempotencyKey, shippingAddress: testAddress });
}

export { createProduct, createSignedInUser, fillCart, openShipping, testAddress };

/** The tRPC error code of a rejected call, or "ok". */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "error";
  }
}

/** "CODE: message" of a rejected call, for reports that show the shop's answer; "ok" if it passed. */
export async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const { code = "error", message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

export function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}
