/**
 * How much one shopper may hold without paying. Checkout reserves stock at once and the payment
 * has until its deadline (`PAYMENT_TIMEOUT_MINUTES`) to arrive, so without a bound one shopper could
 * place order after order and leave the shelves empty for everyone else until the deadlines pass.
 *
 * A holder is whatever the holdings are counted by: a signed-in shopper's account; a guest's email
 * and, separately, the address the order ships to, so a guest can dodge neither bound by typing a
 * new email for each order nor by shipping each to a new name at the same door. Each count reads
 * an index on `orders` (user_id, email, shipping_address_key, each with status).
 */
import { createHash } from "node:crypto";
import type { Address } from "@shopwright/address";
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { conflict } from "../errors.ts";

export const UNPAID_LIMITS = {
  /** Orders waiting for payment at once. */
  orders: 3,
  /** Units across those orders, the new one included: a full cart line (99) fits. */
  units: 100,
} as const;

/**
 * One address may hold more than one shopper: a household or an office shares a door, so its
 * bound is wider than a person's, yet still far below what would empty a shelf.
 */
export const UNPAID_LIMITS_PER_ADDRESS = { orders: 5, units: 200 } as const;

export type UnpaidHolder = { userId: string } | { email: string; addressKey: string };

/**
 * An address as the per-address bound counts it: the door, not who is named at it. Case, spacing
 * and punctuation are not part of it ("12 Main St." and "12 main st" are one door). Stored as its
 * SHA-256, a fixed-size index key.
 */
export function addressHoldKey(address: Address): string {
  const door = [address.line1, address.line2 ?? "", address.city, address.postalCode, address.country]
    .map((part) =>
      part
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim(),
    )
    .join("|");
  return createHash("sha256").update(door).digest("hex");
}

/**
 * Refuses, with what to do instead, a checkout that would take a shopper past any bound. Checkout
 * holds a signed-in shopper's cart row while it runs, so two checkouts of one account count one
 * after the other; a guest's checkouts may come from many carts, so checkout first takes the locks
 * of the guest's email and address (`lockGuestCheckout`) and they count one after the other too.
 */
export async function assertMayHoldMore(tx: Db, holder: UnpaidHolder, units: number): Promise<void> {
  const { orders } = ordersTables(tx);
  if ("userId" in holder) {
    await assertWithin(tx, eq(orders.userId, holder.userId), units, UNPAID_LIMITS, "you");
    return;
  }
  // Both counts are sent together; the email's, sent first, answers first.
  await Promise.all([
    assertWithin(tx, eq(orders.email, holder.email), units, UNPAID_LIMITS, "you"),
    assertWithin(
      tx,
      eq(orders.shippingAddressKey, holder.addressKey),
      units,
      UNPAID_LIMITS_PER_ADDRESS,
      "this shipping address",
    ),
  ]);
}

async function assertWithin(
  tx: Db,
  heldBy: SQL,
  units: number,
  limits: { orders: number; units: number },
  who: "you" | "this shipping address",
): Promise<void> {
  const { orders, orderItems } = ordersTables(tx);
  const [held] = await tx.orm
    .select({
      orders: sql<number>`count(distinct ${orders.id})`.mapWith(Number),
      units: sql<number>`coalesce(sum(${orderItems.quantity}), 0)`.mapWith(Number),
    })
    .from(orders)
    .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(heldBy, eq(orders.status, "placed")));
  const unpaid = held?.orders ?? 0;
  const unitsHeld = held?.units ?? 0;
  const details = { unpaidOrders: unpaid, unitsHeld, limits };
  const whose = who === "you" ? "yours" : "those to this address";
  if (unpaid >= limits.orders) {
    const holding = who === "you" ? "You have" : "This shipping address has";
    throw conflict(
      `${holding} ${unpaid} orders waiting for payment. Pay for one (or let it lapse) before placing another.`,
      details,
    );
  }
  if (unitsHeld + units > limits.units) {
    throw conflict(
      `Orders waiting for payment may hold at most ${limits.units} items at once, and ${whose} already hold ${unitsHeld}. Pay for an order, or take ${unitsHeld + units - limits.units} items out of your cart.`,
      details,
    );
  }
}
