import type { Db } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { and, eq, isNull, type SQLWrapper, sql } from "drizzle-orm";
import { stockOf } from "../catalog/stock.ts";
import { MAX_LINE_QUANTITY, openUserCart } from "./service.ts";
import { cartTokenHash } from "./token.ts";

/**
 * Merges a guest's cart into the user's at login or registration and consumes the guest cart. The
 * composition root hands it to auth as its sign-in hook, so it runs in the sign-in transaction.
 * The same variant's quantities add up to what is in stock (and 99), never taking away what the
 * user's line already held; a guest line whose variant sold out since comes over as 1 unit, shown
 * unavailable, rather than vanishing unseen.
 */
export async function mergeGuestCart(db: Db, input: { userId: string; cartToken: string | undefined }): Promise<void> {
  const tokenHash = cartTokenHash(input.cartToken);
  if (!tokenHash) return;
  const { carts, cartItems } = cartTables(db);
  await db.transaction(async (tx) => {
    // Taking the token off the row claims the cart: a replay of the token, even one racing this
    // one, finds nothing to merge.
    const [guest] = await tx.orm
      .update(carts)
      .set({ tokenHash: null, updatedAt: new Date() })
      .where(and(eq(carts.tokenHash, tokenHash), isNull(carts.userId)))
      .returning({ id: carts.id });
    if (!guest) return;
    const userCartId = await openUserCart(tx, input.userId);
    const { least, greatest } = tx.sql;
    const limit = (stock: SQLWrapper) => greatest(sql`1`, least(sql.raw(String(MAX_LINE_QUANTITY)), stock));
    await tx.orm
      .insert(cartItems)
      .select(
        tx.orm
          .select({
            cartId: sql<string>`cast(${userCartId} as text)`.as("cart_id"),
            variantId: cartItems.variantId,
            quantity: least(cartItems.quantity, limit(stockOf(tx, cartItems.variantId))).as("quantity"),
            addedAt: cartItems.addedAt,
          })
          .from(cartItems)
          .where(eq(cartItems.cartId, guest.id)),
      )
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.variantId],
        set: {
          quantity: greatest(
            cartItems.quantity,
            least(sql`${cartItems.quantity} + excluded.quantity`, limit(stockOf(tx, sql`excluded.variant_id`))),
          ),
        },
      });
    await tx.orm.delete(carts).where(eq(carts.id, guest.id));
  });
}
