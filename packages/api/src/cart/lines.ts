/**
 * The cart's read side, shared by `cart.get` and checkout: a cart's lines, one per variant, with
 * the live variant and product (prices in a cart are always today's prices).
 */
import type { Db, VariantOptions } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { ProductImage } from "../catalog/images.ts";
import { variantsWithThumbnails } from "../catalog/variants.ts";
import type { QuoteLine } from "../pricing/quote.ts";
import { cartTokenHash } from "./token.ts";

export interface CartLine {
  productId: string;
  variantId: string;
  sku: string;
  /** The variant's choice of the product's options, e.g. `{ Size: "M" }`; `{}` for a simple product. */
  options: VariantOptions;
  slug: string;
  name: string;
  priceCents: number;
  quantity: number;
  stock: number;
  /** False when the variant or its product was archived, or has too little stock for this line, since it was added. */
  available: boolean;
  /** The most this line may hold today: 0 once archived or sold out. */
  limit: number;
  thumbnail: ProductImage | null;
}

/** One line holds at most this many of a variant, whatever the stock. */
export const MAX_LINE_QUANTITY = 99;

/** Whose cart: a signed-in user's, or the guest cart its token opens (none for a token we never issued). */
export type CartKey = { userId: string } | { guestToken: string | undefined };

/** The condition selecting the cart `owner` holds; null when a guest's token could open none. */
export function ownedBy(db: Db, owner: CartKey): SQL | null {
  const { carts } = cartTables(db);
  if ("userId" in owner) return eq(carts.userId, owner.userId);
  const tokenHash = cartTokenHash(owner.guestToken);
  // A user's cart has no token, and the user_id test keeps it that way for any row that might.
  return tokenHash ? (and(eq(carts.tokenHash, tokenHash), isNull(carts.userId)) ?? null) : null;
}

export async function cartIdOf(db: Db, owner: CartKey): Promise<string | null> {
  const { carts } = cartTables(db);
  const where = ownedBy(db, owner);
  const [cart] = where ? await db.orm.select({ id: carts.id }).from(carts).where(where).limit(1) : [];
  return cart?.id ?? null;
}

/**
 * The owner's cart id, its row held until the caller's transaction ends (checkout reads the lines
 * it orders under this hold, so they are the lines ordered); null without a cart.
 */
export async function holdCart(tx: Db, owner: CartKey, now = new Date()): Promise<string | null> {
  const { carts } = cartTables(tx);
  const where = ownedBy(tx, owner);
  if (!where) return null;
  const [cart] = await tx.orm.update(carts).set({ updatedAt: now }).where(where).returning({ id: carts.id });
  return cart?.id ?? null;
}

export async function cartLines(db: Db, cartId: string): Promise<CartLine[]> {
  const { cartItems } = cartTables(db);
  const items = await db.orm
    .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId));
  const variants = await variantsWithThumbnails(
    db,
    items.map((i) => i.variantId),
  );
  // cart_items.variant_id references variants ON DELETE CASCADE, so every line has its variant.
  return items.flatMap(({ variantId, quantity }) => {
    const variant = variants.get(variantId);
    if (!variant) return [];
    const forSale = variant.status === "active" && variant.productStatus === "active";
    return [
      {
        productId: variant.productId,
        variantId,
        sku: variant.sku,
        options: variant.options,
        slug: variant.productSlug,
        name: variant.productName,
        priceCents: variant.priceCents,
        quantity,
        stock: variant.stock,
        available: forSale && variant.stock >= quantity,
        limit: forSale ? Math.min(variant.stock, MAX_LINE_QUANTITY) : 0,
        thumbnail: variant.thumbnail,
      },
    ];
  });
}

/** Empties the cart after checkout, the code it held included (a code is used once per order). */
export async function clearCart(db: Db, cartId: string): Promise<void> {
  const { carts, cartItems } = cartTables(db);
  await db.orm.delete(cartItems).where(eq(cartItems.cartId, cartId));
  await db.orm.update(carts).set({ discountCode: null }).where(eq(carts.id, cartId));
}

/** The discount code the cart holds, normalised; null when none. */
export async function heldDiscountCode(db: Db, cartId: string): Promise<string | null> {
  const { carts } = cartTables(db);
  const [cart] = await db.orm.select({ code: carts.discountCode }).from(carts).where(eq(carts.id, cartId));
  return cart?.code ?? null;
}

/** The lines that can be bought as they stand, as the pricing pipeline takes them. */
export function pricingLines(lines: readonly CartLine[]): QuoteLine[] {
  return lines
    .filter((line) => line.available)
    .map((line) => ({
      lineId: line.variantId,
      productId: line.productId,
      unitPriceCents: line.priceCents,
      quantity: line.quantity,
    }));
}
