import type { Db, OrderStatus } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { eq } from "drizzle-orm";

/**
 * Takes the order's row lock for the rest of the transaction and returns its status as of then (and
 * what registering a payment names it by), or null for no such order. Whatever decides by the order's status (a payment event, a retry, the
 * expiry job) takes this first, so two of them never decide on the same stale status. SQLite
 * serialises writers, so there the write is the lock.
 */
export interface LockedOrder {
  status: OrderStatus;
  /** What a payment's registration names the order by, and where the provider sends the shopper back. */
  number: number;
  placedAsGuest: boolean;
}

export async function lockOrder(tx: Db, orderId: string): Promise<LockedOrder | null> {
  const { orders } = ordersTables(tx);
  const [order] = await tx.orm
    .update(orders)
    .set({ updatedAt: new Date() })
    .where(eq(orders.id, orderId))
    .returning({ status: orders.status, number: orders.number, placedAsGuest: orders.placedAsGuest });
  return order ?? null;
}
