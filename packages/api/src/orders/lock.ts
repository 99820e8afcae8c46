import type { Db, OrderStatus } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { eq } from "drizzle-orm";

/**
 * Takes the order's row lock for the rest of the transaction and returns its status as of then, or
 * null for no such order. Whatever decides by the order's status (a payment event, a retry, the
 * expiry job) takes this first, so two of them never decide on the same stale status. SQLite
 * serialises writers, so there the write is the lock.
 */
export async function lockOrder(tx: Db, orderId: string): Promise<{ status: OrderStatus } | null> {
  const { orders } = ordersTables(tx);
  const [order] = await tx.orm
    .update(orders)
    .set({ updatedAt: new Date() })
    .where(eq(orders.id, orderId))
    .returning({ status: orders.status });
  return order ?? null;
}
