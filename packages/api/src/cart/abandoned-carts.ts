import type { Db } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { and, isNull, lt } from "drizzle-orm";

/** A guest cart left unchanged this long is abandoned; its cookie lives exactly as long. */
export const GUEST_CART_LIFETIME_DAYS = 30;

/** Deletes guest carts (their lines go with them) last changed before `olderThan`; returns how many. */
export async function deleteAbandonedGuestCarts(db: Db, olderThan: Date): Promise<number> {
  const { carts } = cartTables(db);
  const deleted = await db.orm
    .delete(carts)
    .where(and(isNull(carts.userId), lt(carts.updatedAt, olderThan)))
    .returning({ id: carts.id });
  return deleted.length;
}
