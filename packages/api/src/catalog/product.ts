import type { Db, ProductOption, VariantOptions } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { type CategoryRef, categoryPath } from "./categories.ts";
import { imagesByProduct, type ProductImage } from "./images.ts";
import { variantsByProduct } from "./variants.ts";

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

/**
 * One product a shopper may see; unknown and archived slugs alike are NOT_FOUND. `stockFrom` is
 * the primary when `db` is a read replica: stock moves with every order, without a catalog write,
 * so the replica's figures may be behind, and a product page shows stock as it is.
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
      maxPriceCents: products.maxPriceCents,
      options: products.options,
      categoryId: products.categoryId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, "active")))
    .limit(1);
  if (!product) throw notFound("Product");
  const { categoryId, ...fields } = product;
  const [images, path, variants, live] = await Promise.all([
    imagesByProduct(db, [product.id]),
    categoryPath(db, categoryId),
    variantsByProduct(db, [product.id]),
    stockFrom === db ? null : liveStock(stockFrom, slug),
  ]);
  if (stockFrom !== db && live === null) throw notFound("Product");
  const liveById = new Map(live?.map((v) => [v.variantId, v.stock]));
  const productImages = images.get(product.id) ?? [];
  const forSale = (variants.get(product.id) ?? []).filter((v) => v.status === "active");
  const details = forSale.map((v): VariantDetail => {
    const stock = liveById.get(v.id) ?? v.stock;
    const own = productImages.filter((image) => image.variantId === v.id);
    return {
      id: v.id,
      sku: v.sku,
      options: v.options,
      priceCents: v.priceCents,
      stock,
      inStock: stock > 0,
      images: own.length > 0 ? own : productImages.filter((image) => image.variantId === null),
    };
  });
  const stock = details.reduce((sum, v) => sum + v.stock, 0);
  return {
    ...fields,
    stock,
    inStock: stock > 0,
    variants: details,
    images: productImages.filter((image) => image.variantId === null),
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
