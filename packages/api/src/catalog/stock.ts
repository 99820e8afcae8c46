/**
 * Stock, which is per variant: what the cart may hold, and its moves for orders. Reserving is one
 * conditional update per variant, so two checkouts can never both take the last unit: the row
 * lock orders them and the loser's `stock >= n` fails.
 */
import type { Db, VariantOptions } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, count, eq, exists, gte, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { conflict } from "../errors.ts";

/** By code unit, not locale, so every writer locks variants in the same order. */
function inVariantIdOrder<T extends { variantId: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

export interface StockRequest {
  variantId: string;
  /** What to call the line if it is short: the cart's name for it. */
  name: string;
  quantity: number;
}

/** A reserved line with the snapshot an order keeps of it. */
export interface ReservedVariant {
  variantId: string;
  productId: string;
  name: string;
  sku: string;
  options: VariantOptions;
  priceCents: number;
  quantity: number;
}

/** The variant's product is for sale too: archiving a product stops the sale of all its variants. */
function productForSale(db: Db): SQL {
  const { products, productVariants } = catalogTables(db);
  return exists(
    db.orm
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, productVariants.productId), eq(products.status, "active"))),
  );
}

/**
 * Takes `quantity` of each variant off its stock, inside the caller's transaction. Any line short
 * of stock (or no longer for sale, itself or its product) is CONFLICT naming every such line; the
 * caller's transaction then rolls back, so nothing is taken.
 */
export async function reserveStock(tx: Db, requests: readonly StockRequest[]): Promise<ReservedVariant[]> {
  const { productVariants, products } = catalogTables(tx);
  const ordered = inVariantIdOrder(requests);
  // One lock order for every checkout, so two carts holding the same variants cannot deadlock. The
  // updates are sent together, each when `Promise.all` subscribes to it, so in this order; the
  // transaction's one connection runs them in the order sent (its pipeline), one round trip for all.
  const rows = await Promise.all(
    ordered.map(({ variantId, quantity }) =>
      tx.orm
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} - ${quantity}` })
        .where(
          and(
            eq(productVariants.id, variantId),
            gte(productVariants.stock, quantity),
            eq(productVariants.status, "active"),
            productForSale(tx),
          ),
        )
        .returning({
          productId: productVariants.productId,
          sku: productVariants.sku,
          options: productVariants.options,
          priceCents: productVariants.priceCents,
          // The product's name as the order keeps it, read in the same statement as the stock.
          name: sql<string>`(select ${products.name} from ${products} where ${products.id} = ${productVariants.productId})`,
        }),
    ),
  );
  const short = ordered.filter((_, i) => rows[i]!.length === 0).map(({ variantId, name }) => ({ variantId, name }));
  if (short.length > 0) {
    throw conflict(`Not enough stock for ${short.map((p) => p.name).join(", ")}`, { variants: short });
  }
  return ordered.map(({ variantId, quantity }, i) => ({ variantId, quantity, ...rows[i]![0]! }));
}

/**
 * Puts these quantities back on the shelf (a cancelled order's items), inside the caller's
 * transaction. Variants are updated in id order, as every writer locks them, so two restocks never
 * deadlock. An archived variant gets its units back too, ready if it is sold again.
 */
export async function restoreStock(tx: Db, items: readonly { variantId: string; quantity: number }[]): Promise<void> {
  const { productVariants } = catalogTables(tx);
  for (const { variantId, quantity } of inVariantIdOrder(items)) {
    await tx.orm
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${quantity}` })
      .where(eq(productVariants.id, variantId));
  }
}

/**
 * Variants for sale with this much stock or less, scarcest first (the dashboard's reorder list, its
 * first `limit`), and how many there are: each size and colour counts, not the product.
 */
export async function lowStockVariants(db: Db, threshold: number, limit: number) {
  const { products, productVariants } = catalogTables(db);
  const low = and(
    eq(productVariants.status, "active"),
    lte(productVariants.stock, threshold),
    eq(products.status, "active"),
  );
  const [items, [counted]] = await Promise.all([
    db.orm
      .select({
        id: products.id,
        variantId: productVariants.id,
        name: products.name,
        slug: products.slug,
        sku: productVariants.sku,
        options: productVariants.options,
        stock: productVariants.stock,
      })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(low)
      .orderBy(asc(productVariants.stock), asc(products.name), asc(productVariants.position), asc(productVariants.id))
      .limit(limit),
    db.orm
      .select({ n: count() })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(low),
  ]);
  return { items, count: counted?.n ?? 0 };
}

/**
 * A variant's stock as a subquery of the caller's statement (`variantId` is a column or value of
 * it), so a cart write checks stock in the very statement that writes.
 */
export function stockOf(db: Db, variantId: SQLWrapper): SQL<number> {
  const { productVariants } = catalogTables(db);
  return sql<number>`(${db.orm
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId))})`;
}
