/** Categories, products and their images: the catalog domain's tables. */
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { at, cents, createdAt, updatedAt } from "../columns/sqlite.ts";
import { productStatuses } from "../enums.ts";

export const categories = sqliteTable(
  "categories",
  {
    id: text().primaryKey(),
    parentId: text().references((): AnySQLiteColumn => categories.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("categories_parent_id_index").on(t.parentId)],
);

export const products = sqliteTable(
  "products",
  {
    id: text().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    priceCents: cents().notNull(),
    stock: integer().notNull(),
    status: text({ enum: productStatuses }).notNull().default("active"),
    categoryId: text()
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    index("products_category_id_status_index").on(t.categoryId, t.status),
    index("products_status_created_at_id_index").on(t.status, t.createdAt, t.id),
    index("products_status_price_cents_id_index").on(t.status, t.priceCents, t.id),
  ],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: text().primaryKey(),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    alt: text().notNull().default(""),
    position: integer().notNull().default(0),
    /** The image as stored: `originals/…` (private, an upload) or `seed/…` (the seed's vector art). */
    key: text().notNull(),
    width: integer().notNull().default(0),
    height: integer().notNull().default(0),
    /** Hash of the original's bytes, part of every variant's URL; null for vector art, which has no variants. */
    contentHash: text(),
    /** When the resized variants were stored; until then shoppers get the original scaled on request. */
    variantsAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_product_id_position_index").on(t.productId, t.position)],
);

/**
 * One row, id 1: a number every catalog write (products, categories, images) moves inside its own
 * transaction. Server processes key their cached catalog answers by it, so an edit shows at the
 * next request on every process.
 */
export const catalogVersion = sqliteTable("catalog_version", {
  id: integer().primaryKey(),
  version: integer().notNull(),
});
