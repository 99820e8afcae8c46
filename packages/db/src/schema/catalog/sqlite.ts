/** Categories, products, their variants and images: the catalog domain's tables. */
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { at, cents, createdAt, updatedAt } from "../columns/sqlite.ts";
import { productStatuses, variantStatuses } from "../enums.ts";
import type { ProductOption, VariantOptions } from "./options.ts";

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
    /**
     * The lowest price of the product's variants for sale (of all its variants when none is), and
     * the highest: copies kept by `syncProductSummary` in every variant write's transaction, so
     * listings sort and filter by price on this table's index without reading variants.
     */
    priceCents: cents().notNull(),
    maxPriceCents: cents().notNull(),
    /** The option names in display order, each with its values in order; empty for a simple product. */
    options: text({ mode: "json" }).$type<ProductOption[]>().notNull().default([]),
    /**
     * The option values of its variants for sale, space separated ("S M Sand"): words search finds
     * the product by, kept by `syncProductSummary` with the price range.
     */
    optionValues: text().notNull().default(""),
    status: text({ enum: productStatuses }).notNull().default("active"),
    categoryId: text()
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_max_price_cents_at_least_price", sql`${t.maxPriceCents} >= ${t.priceCents}`),
    index("products_category_id_status_index").on(t.categoryId, t.status),
    index("products_status_created_at_id_index").on(t.status, t.createdAt, t.id),
    index("products_status_price_cents_id_index").on(t.status, t.priceCents, t.id),
  ],
);

/**
 * What a shopper buys: one row per combination of the product's option values that is sold, with
 * its own SKU, price and stock. A product without options has exactly one, with options `{}`.
 */
export const productVariants = sqliteTable(
  "product_variants",
  {
    id: text().primaryKey(),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text().notNull().unique(),
    /** `{ optionName: value }`, keys in the product's option order (so equal choices are equal text). */
    options: text({ mode: "json" }).$type<VariantOptions>().notNull(),
    priceCents: cents().notNull(),
    stock: integer().notNull(),
    status: text({ enum: variantStatuses }).notNull().default("active"),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("product_variants_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("product_variants_stock_nonnegative", sql`${t.stock} >= 0`),
    uniqueIndex("product_variants_product_id_options_unique").on(t.productId, t.options),
    index("product_variants_product_id_status_stock_index").on(t.productId, t.status, t.stock),
    index("product_variants_status_stock_index").on(t.status, t.stock),
  ],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: text().primaryKey(),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The variant the image shows; null for the product's own images, which variants without theirs fall back to. */
    variantId: text().references((): AnySQLiteColumn => productVariants.id, { onDelete: "set null" }),
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
