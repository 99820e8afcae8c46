/**
 * The cart's read side, shared by `cart.get` and checkout: a cart's lines joined with the live
 * product (prices in a cart are always today's prices).
 */
import type { Db } from "@shopwright/db";
import { asc, eq } from "drizzle-orm";

export interface CartLine {
  productId: string;
  slug: string;
  name: string;
  priceCents: number;
  quantity: number;
  stock: number;
  /** False when the product was archived or has too little stock for this line since it was added. */
  available: boolean;
}

export async function cartLines(db: Db, cartId: string): Promise<CartLine[]> {
  const { cartItems, products } = db.tables;
  const rows = await db.orm
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      priceCents: products.priceCents,
      stock: products.stock,
      status: products.status,
      quantity: cartItems.quantity,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(products.id));
  return rows.map(({ status, ...row }) => ({
    ...row,
    available: status === "active" && row.stock >= row.quantity,
  }));
}

export async function clearCart(db: Db, cartId: string): Promise<void> {
  const { cartItems } = db.tables;
  await db.orm.delete(cartItems).where(eq(cartItems.cartId, cartId));
}
