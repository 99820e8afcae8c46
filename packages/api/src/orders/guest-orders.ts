/**
 * Guest orders and the accounts they find. A guest's order belongs to the email typed at checkout,
 * and an account shows it only once that account has proven it receives mail there: verifying the
 * address (auth's `OnEmailVerified`, passed in by the composition root) attaches the address's guest
 * orders, and a guest checkout for an address an account has already proven is attached at once,
 * so "an account shows the orders of its verified address" holds whichever came first. An account
 * that has not verified its address is not proof that its owner is the guest: anyone can sign up
 * with someone else's address, so such an account never shows a guest's order.
 *
 * Nothing here answers a guest differently for an address that has an account: checkout's answer
 * and every email read the same either way.
 */
import { advisoryKeyFor, type Db } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, eq, isNull } from "drizzle-orm";

/**
 * Checkouts and verifications of one guest email, and checkouts to one address, take turns
 * (Postgres advisory locks to the transaction's end; SQLite runs one writer at a time): a guest
 * order committed while its address is being verified is either seen by the verification or sees
 * the verified account, never neither, and the unpaid limits count one checkout after another.
 */
export async function lockGuestCheckout(tx: Db, holder: { email: string; addressKey?: string }): Promise<void> {
  const names = [`guest-email:${holder.email}`, ...(holder.addressKey ? [`address:${holder.addressKey}`] : [])];
  // One order of taking them everywhere, so two checkouts never wait on each other in a circle.
  for (const key of names.map(advisoryKeyFor).sort((a, b) => a - b)) await tx.lockKey(key);
}

/**
 * Attaches the guest orders placed with `email` to the account that has just proven it receives
 * mail there, and returns the ids it attached. Only orders without an account are touched, so a
 * second verification attaches nothing more and two at once attach each order once.
 */
export async function attachGuestOrders(tx: Db, verified: { userId: string; email: string }): Promise<string[]> {
  await lockGuestCheckout(tx, { email: verified.email });
  const { orders } = ordersTables(tx);
  const attached = await tx.orm
    .update(orders)
    .set({ userId: verified.userId })
    .where(and(isNull(orders.userId), eq(orders.email, verified.email)))
    .returning({ id: orders.id });
  return attached.map((order) => order.id);
}
