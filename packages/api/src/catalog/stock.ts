/**
 * Stock: what the cart may hold, and its moves for orders. Reserving is one conditional update per product, so two checkouts can
 * never both take the last unit: the row lock orders them and the loser's `stock >= n` fails.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, eq, gte, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { conflict } from "../errors.ts";

/** By code unit, not locale, so every writer locks products in the same order. */
function inProductIdOrder<T extends { productId: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

export interface StockRequest {
  productId: string;
  name: string;
  quantity: number;
}

export interface ReservedProduct {
  productId: string;
  name: string;
  priceCents: number;
  quantity: number;
}

/**
 * Takes `quantity` of each product off its stock, inside the caller's transaction. Any line short
 * of stock (or no longer for sale) is CONFLICT naming every such product; the caller's
 * transaction then rolls back, so nothing is taken.
 */
export async function reserveStock(tx: Db, requests: StockRequest[]): Promise<ReservedProduct[]> {
  const { products } = catalogTables(tx);
  // One lock order for every checkout, so two carts holding the same products cannot deadlock.
  const ordered = inProductIdOrder(requests);
  const reserved: ReservedProduct[] = [];
  const short: { productId: string; name: string }[] = [];
  for (const { productId, name, quantity } of ordered) {
    const [row] = await tx.orm
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}` })
      .where(and(eq(products.id, productId), gte(products.stock, quantity), eq(products.status, "active")))
      .returning({ name: products.name, priceCents: products.priceCents });
    if (row) reserved.push({ productId, name: row.name, priceCents: row.priceCents, quantity });
    else short.push({ productId, name });
  }
  if (short.length > 0) {
    throw conflict(`Not enough stock for ${short.map((p) => p.name).join(", ")}`, { products: short });
  }
  return reserved;
}

/**
 * Puts these quantities back on the shelf (a cancelled order's items), inside the caller's
 * transaction. Products are updated in id order, as every writer locks them, so two restocks never
 * deadlock.
 */
export async function restoreStock(tx: Db, items: readonly { productId: string; quantity: number }[]): Promise<void> {
  const { products } = catalogTables(tx);
  for (const { productId, quantity } of inProductIdOrder(items)) {
    await tx.orm
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}` })
      .where(eq(products.id, productId));
  }
}

/** Products for sale with this much stock or less, scarcest first: the dashboard's reorder list. */
export async function lowStockProducts(db: Db, threshold: number, limit: number) {
  const { products } = catalogTables(db);
  return db.orm
    .select({ id: products.id, name: products.name, slug: products.slug, stock: products.stock })
    .from(products)
    .where(and(eq(products.status, "active"), lte(products.stock, threshold)))
    .orderBy(asc(products.stock), asc(products.name))
    .limit(limit);
}

/** A product's stock and whether it is for sale, or null for an unknown product. */
export async function stockAndStatus(db: Db, productId: string) {
  const { products } = catalogTables(db);
  const [product] = await db.orm
    .select({ stock: products.stock, status: products.status })
    .from(products)
    .where(eq(products.id, productId));
  return product ?? null;
}

/**
 * A product's stock as a subquery of the caller's statement (`productId` is a column or value of
 * it), so a cart write checks stock in the very statement that writes.
 */
export function stockOf(db: Db, productId: SQLWrapper): SQL<number> {
  const { products } = catalogTables(db);
  return sql<number>`(${db.orm.select({ stock: products.stock }).from(products).where(eq(products.id, productId))})`;
}
