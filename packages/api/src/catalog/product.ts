import { type Db, jsonRows, type ProductOption, type VariantOptions, type VariantStatus } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { type CategoryRef, categoryAncestry, categoryPath } from "./categories.ts";
import { imageView, type ProductImage, storedImageColumns } from "./images.ts";
import { variantColumns } from "./variants.ts";

export interface VariantDetail {
  id: string;
  sku: string;
  options: VariantOptions;
  priceCents: number;
  stock: number;
  inStock: boolean;
  /** The variant's own images, else the product's. */
  images: ProductImage[];
}

export interface ProductDetail {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** The lowest price of a variant for sale, and the highest: equal when every variant costs the same. */
  priceCents: number;
  maxPriceCents: number;
  /** Every variant for sale's stock together. */
  stock: number;
  inStock: boolean;
  options: ProductOption[];
  /** The variants for sale, in the merchant's order; a product without options has exactly one. */
  variants: VariantDetail[];
  /** The product's own images (a variant's own are on the variant). */
  images: ProductImage[];
  category: CategoryRef;
  /** Breadcrumbs: the root category first, the product's own category last. */
  categoryPath: CategoryRef[];
  createdAt: Date;
  updatedAt: Date;
}

/** A variant's stock, as `liveStock` reads it. */
export interface VariantStock {
  variantId: string;
  stock: number;
}

/** A product's own fields as its page shows them, to shoppers and in the back office alike. */
export function productPageColumns(db: Db) {
  const { products } = catalogTables(db);
  return {
    id: products.id,
    slug: products.slug,
    name: products.name,
    description: products.description,
    priceCents: products.priceCents,
    maxPriceCents: products.maxPriceCents,
    options: products.options,
    categoryId: products.categoryId,
    createdAt: products.createdAt,
    updatedAt: products.updatedAt,
  };
}

/**
 * One product a shopper may see; unknown and archived slugs alike are NOT_FOUND. One statement
 * reads the product with its variants for sale, its images and its category's ancestors (see
 * json-rows.ts). `stockFrom` is the primary when `db` is a read replica: stock moves with every
 * order, without a catalog write, so the replica's figures may be behind, and a product page shows
 * stock as it is.
 */
export async function productBySlug(db: Db, slug: string, stockFrom: Db = db): Promise<ProductDetail> {
  const { products, productVariants, productImages } = catalogTables(db);
  const variant = variantColumns(db);
  const [[product], live] = await Promise.all([
    db.orm
      .select({
        ...productPageColumns(db),
        variants: jsonRows(
          db,
          {
            id: variant.id,
            sku: variant.sku,
            options: variant.options,
            priceCents: variant.priceCents,
            stock: variant.stock,
          },
          sql`${productVariants} where ${productVariants.productId} = ${products.id} and ${productVariants.status} = ${"active" satisfies VariantStatus}`,
          sql`${productVariants.position}, ${productVariants.id}`,
        ),
        images: jsonRows(
          db,
          storedImageColumns(db),
          sql`${productImages} where ${productImages.productId} = ${products.id}`,
          sql`${productImages.position}, ${productImages.id}`,
        ),
        ancestry: categoryAncestry(db, products.categoryId),
      })
      .from(products)
      .where(and(eq(products.slug, slug), eq(products.status, "active")))
      .limit(1),
    stockFrom === db ? null : liveStock(stockFrom, slug),
  ]);
  if (!product || (stockFrom !== db && live === null)) throw notFound("Product");
  const { categoryId, variants, images, ancestry, ...fields } = product;
  const liveById = new Map(live?.map((v) => [v.variantId, v.stock]));
  const shown = images.map(imageView);
  const ownImages = shown.filter((image) => image.variantId === null);
  const details = variants.map((v): VariantDetail => {
    const stock = liveById.get(v.id) ?? v.stock;
    const variantImages = shown.filter((image) => image.variantId === v.id);
    return { ...v, stock, inStock: stock > 0, images: variantImages.length > 0 ? variantImages : ownImages };
  });
  const stock = details.reduce((sum, v) => sum + v.stock, 0);
  const path = categoryPath(ancestry, categoryId);
  return {
    ...fields,
    stock,
    inStock: stock > 0,
    variants: details,
    images: ownImages,
    // The foreign key guarantees the product's own category, the last step of its path.
    category: path.at(-1)!,
    categoryPath: path,
  };
}

/**
 * The stock of each of the product's variants for sale as it is now, null when the product is not
 * for sale: the one part of a product page that moves without a catalog write (every order moves
 * it), read on its own so a cached page can be checked against it.
 */
export async function liveStock(db: Db, slug: string): Promise<VariantStock[] | null> {
  const { products, productVariants } = catalogTables(db);
  const rows = await db.orm
    .select({ productId: products.id, variantId: productVariants.id, stock: productVariants.stock })
    .from(products)
    .leftJoin(productVariants, and(eq(productVariants.productId, products.id), eq(productVariants.status, "active")))
    .where(and(eq(products.slug, slug), eq(products.status, "active")))
    .orderBy(asc(productVariants.id));
  if (rows.length === 0) return null;
  return rows.flatMap((r) =>
    r.variantId === null || r.stock === null ? [] : [{ variantId: r.variantId, stock: r.stock }],
  );
}

/** The stock of the product's variants for sale together, as a subquery on `products`. */
export function totalStock(db: Db): SQL<number> {
  const { products, productVariants } = catalogTables(db);
  return sql<number>`(${db.orm
    .select({ total: sql`coalesce(sum(${productVariants.stock}), 0)` })
    .from(productVariants)
    .where(and(eq(productVariants.productId, products.id), eq(productVariants.status, "active")))})`.mapWith(Number);
}

/** The columns every list of products shows: its link, name, price range and stock. */
export function productCardColumns(db: Db) {
  const { products } = catalogTables(db);
  return {
    id: products.id,
    slug: products.slug,
    name: products.name,
    priceCents: products.priceCents,
    maxPriceCents: products.maxPriceCents,
    stock: totalStock(db),
  };
}
