/**
 * The cart's read side, shared by `cart.get` and checkout: a cart's lines with the live product
 * (prices in a cart are always today's prices).
 */
import type { Db } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { asc, eq } from "drizzle-orm";
import { imagesByProduct, type ProductImage } from "../catalog/images.ts";
import { productsForLines } from "../catalog/product.ts";

export interface CartLine {
  productId: string;
  slug: string;
  name: string;
  priceCents: number;
  quantity: number;
  stock: number;
  /** False when the product was archived or has too little stock for this line since it was added. */
  available: boolean;
  /** The most this line may hold today: 0 once archived or sold out. */
  limit: number;
  thumbnail: ProductImage | null;
}

/** One line holds at most this many of a product, whatever the stock. */
export const MAX_LINE_QUANTITY = 99;

export async function userCartId(db: Db, userId: string): Promise<string | null> {
  const { carts } = cartTables(db);
  const [cart] = await db.orm.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
  return cart?.id ?? null;
}

/**
 * The user's cart id, its row held until the caller's transaction ends (checkout reads the lines
 * it orders under this hold, so they are the lines ordered); null without a cart.
 */
export async function holdUserCart(tx: Db, userId: string, now = new Date()): Promise<string | null> {
  const { carts } = cartTables(tx);
  const [cart] = await tx.orm
    .update(carts)
    .set({ updatedAt: now })
    .where(eq(carts.userId, userId))
    .returning({ id: carts.id });
  return cart?.id ?? null;
}

export async function cartLines(db: Db, cartId: string): Promise<CartLine[]> {
  const { cartItems } = cartTables(db);
  const items = await db.orm
    .select({ productId: cartItems.productId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.productId));
  const ids = items.map((i) => i.productId);
  const [products, images] = await Promise.all([productsForLines(db, ids), imagesByProduct(db, ids)]);
  // cart_items.product_id references products ON DELETE CASCADE, so every line has its product.
  return items.flatMap(({ productId, quantity }) => {
    const product = products.get(productId);
    if (!product) return [];
    const { status, stock } = product;
    return [
      {
        productId,
        slug: product.slug,
        name: product.name,
        priceCents: product.priceCents,
        quantity,
        stock,
        available: status === "active" && stock >= quantity,
        limit: status === "active" ? Math.min(stock, MAX_LINE_QUANTITY) : 0,
        thumbnail: images.get(productId)?.[0] ?? null,
      },
    ];
  });
}

export async function clearCart(db: Db, cartId: string): Promise<void> {
  const { cartItems } = cartTables(db);
  await db.orm.delete(cartItems).where(eq(cartItems.cartId, cartId));
}
