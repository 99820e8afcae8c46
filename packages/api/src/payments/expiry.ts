import { type Db, isCaptured } from "@shopwright/db";
import { lockOrder } from "../orders/lock.ts";
import { attemptsOf, failPendingAttempts } from "../orders/payment-attempts.ts";
import { transitionOrder } from "../orders/transitions.ts";

/**
 * Cancels an order still unpaid at its payment deadline, putting the stock back. Declined attempts
 * leave the order waiting, so the deadline, not the last attempt, decides. Anything else (paid,
 * cancelled, not yet due) is left alone, so the job may run any number of times.
 */
export async function expireUnpaidOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order?.status !== "placed") return false;
    const attempts = await attemptsOf(tx, orderId);
    const due = attempts.length > 0 && attempts.every((a) => !isCaptured(a.status) && a.expiresAt <= now);
    if (!due) return false;
    await failPendingAttempts(tx, orderId, now, now);
    await transitionOrder(tx, { orderId, to: "cancelled", actor: "system", note: "payment not received in time" });
    return true;
  });
}
