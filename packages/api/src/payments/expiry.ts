import type { Db } from "@shopwright/db";
import { and, eq, lte } from "drizzle-orm";
import { transitionOrder } from "../orders/transitions.ts";

/**
 * Cancels an order whose payment is still pending at its deadline, putting the stock back.
 * Anything else (paid, failed, not yet due) is left alone, so the job may run any number of times.
 */
export async function expireUnpaidOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  const { payments, orders } = db.tables;
  return db.transaction(async (tx) => {
    const [expired] = await tx.orm
      .update(payments)
      .set({ status: "failed", updatedAt: now })
      .where(and(eq(payments.orderId, orderId), eq(payments.status, "pending"), lte(payments.expiresAt, now)))
      .returning({ id: payments.id });
    if (!expired) return false;
    const [order] = await tx.orm.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (order?.status !== "placed") return false;
    await transitionOrder(tx, { orderId, to: "cancelled", actor: "system", note: "payment not received in time" });
    return true;
  });
}
