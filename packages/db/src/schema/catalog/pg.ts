/** Categories, products and their images: the catalog domain's tables. */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { at, cents, createdAt, tsvector, updatedAt } from "../columns/pg.ts";
import { productStatuses } from "../enums.ts";

export const categories = pgTable(
  "categories",
  {
    id: text().primaryKey(),
    parentId: text().references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("categories_parent_id_index").on(t.parentId)],
);

export const products = pgTable(
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
    // Kept current by Postgres on every insert and update; name outranks description. Search reads
    // it through the product_terms table its triggers fill (migrations/pg/0005_product_terms.sql).
    searchVector: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B')`,
    ),
  },
  (t) => [
    check("products_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    index("products_category_id_status_index").on(t.categoryId, t.status),
    index("products_status_created_at_id_index").on(t.status, t.createdAt, t.id),
    index("products_status_price_cents_id_index").on(t.status, t.priceCents, t.id),
    // pg_trgm: fuzzy search's `<%` finds names close to a misspelt word through it.
    index("products_name_trigram_index").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

export const productImages = pgTable(
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
export const catalogVersion = pgTable("catalog_version", {
  id: integer().primaryKey(),
  version: integer().notNull(),
});
