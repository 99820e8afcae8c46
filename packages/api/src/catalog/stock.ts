/**
 * Stock moves for orders. Reserving is one conditional update per product, so two checkouts can
 * never both take the last unit: the row lock orders them and the loser's `stock >= n` fails.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { conflict } from "../errors.ts";

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
  const ordered = [...requests].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
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

/** Puts an order's items back on the shelf, inside the caller's transaction. */
export async function restoreStock(tx: Db, orderId: string): Promise<void> {
  const { orderItems } = ordersTables(tx);
  const { products } = catalogTables(tx);
  const items = await tx.orm
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.productId));
  for (const { productId, quantity } of items) {
    await tx.orm
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}` })
      .where(eq(products.id, productId));
  }
}
