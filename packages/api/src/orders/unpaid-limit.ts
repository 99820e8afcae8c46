/**
 * How much one shopper may hold without paying. Checkout reserves stock at once and the payment
 * has until its deadline (`PAYMENT_TIMEOUT_MINUTES`) to arrive, so without a bound one account could
 * place order after order and leave the shelves empty for everyone else until the deadlines pass.
 *
 * A holder is whatever the holdings are counted by: today the account. Guest checkout will add
 * the order's email and its shipping address as holders of their own (each needs its own index
 * on `orders`), so a guest cannot dodge the bound by never signing in.
 */
import type { Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, eq, sql } from "drizzle-orm";
import { conflict } from "../errors.ts";

export const UNPAID_LIMITS = {
  /** Orders waiting for payment at once. */
  orders: 3,
  /** Units across those orders, the new one included: a full cart line (99) fits. */
  units: 100,
} as const;

/**
 * Refuses, with what to do instead, a checkout that would take a shopper past either bound.
 * Checkout holds the shopper's cart row while it runs, so two checkouts of one account count
 * one after the other.
 */
export async function assertMayHoldMore(tx: Db, holder: { userId: string }, units: number): Promise<void> {
  const { orders, orderItems } = ordersTables(tx);
  const [held] = await tx.orm
    .select({
      orders: sql<number>`count(distinct ${orders.id})`.mapWith(Number),
      units: sql<number>`coalesce(sum(${orderItems.quantity}), 0)`.mapWith(Number),
    })
    .from(orders)
    .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.userId, holder.userId), eq(orders.status, "placed")));
  const unpaid = held?.orders ?? 0;
  const unitsHeld = held?.units ?? 0;
  const details = { unpaidOrders: unpaid, unitsHeld, limits: UNPAID_LIMITS };
  if (unpaid >= UNPAID_LIMITS.orders) {
    throw conflict(
      `You have ${unpaid} orders waiting for payment. Pay for one (or let it lapse) before placing another.`,
      details,
    );
  }
  if (unitsHeld + units > UNPAID_LIMITS.units) {
    throw conflict(
      `Orders waiting for payment may hold at most ${UNPAID_LIMITS.units} items at once, and yours already hold ${unitsHeld}. Pay for an order, or take ${unitsHeld + units - UNPAID_LIMITS.units} items out of your cart.`,
      details,
    );
  }
}
