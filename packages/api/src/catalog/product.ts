import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, eq, inArray } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { type CategoryRef, categoryPath } from "./categories.ts";
import { imagesByProduct, type ProductImage } from "./images.ts";

export interface ProductDetail {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  inStock: boolean;
  images: ProductImage[];
  category: CategoryRef;
  /** Breadcrumbs: the root category first, the product's own category last. */
  categoryPath: CategoryRef[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One product a shopper may see; unknown and archived slugs alike are NOT_FOUND. `stockFrom` is
 * the primary when `db` is a read replica: stock moves with every order, without a catalog write,
 * so the replica's figure may be behind, and a product page shows stock as it is.
 */
export async function productBySlug(db: Db, slug: string, stockFrom: Db = db): Promise<ProductDetail> {
  const { products } = catalogTables(db);
  const [product] = await db.orm
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      description: products.description,
      priceCents: products.priceCents,
      stock: products.stock,
      categoryId: products.categoryId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, "active")))
    .limit(1);
  if (!product) throw notFound("Product");
  const { categoryId, ...fields } = product;
  const [images, path, stock] = await Promise.all([
    imagesByProduct(db, [product.id]),
    categoryPath(db, categoryId),
    stockFrom === db ? product.stock : liveStock(stockFrom, slug),
  ]);
  if (stock === null) throw notFound("Product");
  return {
    ...fields,
    stock,
    inStock: stock > 0,
    images: images.get(product.id) ?? [],
    // The foreign key guarantees the product's own category, the last step of its path.
    category: path.at(-1)!,
    categoryPath: path,
  };
}

/**
 * The product's stock as it is now, null when it is not for sale: the one field of a product page
 * that moves without a catalog write (every order moves it), read on its own so a cached page can
 * be checked against it.
 */
export async function liveStock(db: Db, slug: string): Promise<number | null> {
  const { products } = catalogTables(db);
  const [row] = await db.orm
    .select({ stock: products.stock })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, "active")))
    .limit(1);
  return row?.stock ?? null;
}

/** The columns every list of products shows: its link, name, price and stock. */
export function productCardColumns(db: Db) {
  const { products } = catalogTables(db);
  return {
    id: products.id,
    slug: products.slug,
    name: products.name,
    priceCents: products.priceCents,
    stock: products.stock,
  };
}

/** What a cart line shows of its product, by id: today's name, price, stock and status. */
export async function productsForLines(db: Db, productIds: readonly string[]) {
  const { products } = catalogTables(db);
  const rows = productIds.length
    ? await db.orm
        .select({ ...productCardColumns(db), status: products.status })
        .from(products)
        .where(inArray(products.id, [...new Set(productIds)]))
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}
