/**
 * A product's variants as shoppers and carts read them, and the one function that keeps the
 * product's price range and searchable option values in step with them.
 */
import {
  type Db,
  jsonRows,
  optionValuesText,
  type ProductOption,
  type VariantOptions,
  type VariantStatus,
} from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { asc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import { badRequest, notFound } from "../errors.ts";
import { imageView, storedImageColumns } from "./images.ts";

export interface StoredVariant {
  id: string;
  productId: string;
  sku: string;
  options: VariantOptions;
  priceCents: number;
  stock: number;
  status: VariantStatus;
  position: number;
}

export function variantColumns(db: Db) {
  const { productVariants } = catalogTables(db);
  return {
    id: productVariants.id,
    productId: productVariants.productId,
    sku: productVariants.sku,
    options: productVariants.options,
    priceCents: productVariants.priceCents,
    stock: productVariants.stock,
    status: productVariants.status,
    position: productVariants.position,
  };
}

/** Each product's variants in display order (archived ones too: the caller decides what to show). */
export async function variantsByProduct(db: Db, productIds: readonly string[]): Promise<Map<string, StoredVariant[]>> {
  const byProduct = new Map<string, StoredVariant[]>();
  if (productIds.length === 0) return byProduct;
  const { productVariants } = catalogTables(db);
  const rows = await db.orm
    .select(variantColumns(db))
    .from(productVariants)
    .where(inArray(productVariants.productId, [...new Set(productIds)]))
    .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id));
  for (const row of rows) {
    const list = byProduct.get(row.productId);
    if (list) list.push(row);
    else byProduct.set(row.productId, [row]);
  }
  return byProduct;
}

/** A variant's columns with what a cart line shows of its product: its status (a line is for sale only if both are), today's name and slug. */
function lineColumns(db: Db) {
  const { products } = catalogTables(db);
  return {
    ...variantColumns(db),
    productStatus: products.status,
    productSlug: products.slug,
    productName: products.name,
  };
}

/** Variants by id, with what a cart line shows of their product (`lineColumns`). */
export async function variantsById(db: Db, variantIds: readonly string[]) {
  const { productVariants, products } = catalogTables(db);
  const rows = variantIds.length
    ? await db.orm
        .select(lineColumns(db))
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(inArray(productVariants.id, [...new Set(variantIds)]))
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * `variantsById` with each variant's picture: its own first image, else its product's first; null
 * when neither has one. One statement, the pictures carried in each variant's row.
 */
export async function variantsWithThumbnails(db: Db, variantIds: readonly string[]) {
  const { productVariants, products, productImages } = catalogTables(db);
  const rows = variantIds.length
    ? await db.orm
        .select({
          ...lineColumns(db),
          pictures: jsonRows(
            db,
            storedImageColumns(db),
            sql`${productImages} where ${productImages.productId} = ${products.id}
              and (${productImages.variantId} = ${productVariants.id} or ${productImages.variantId} is null)`,
            sql`${productImages.position}, ${productImages.id}`,
          ),
        })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(inArray(productVariants.id, [...new Set(variantIds)]))
    : [];
  return new Map(
    rows.map(({ pictures, ...row }) => {
      const shown = pictures.map(imageView);
      const thumbnail = shown.find((p) => p.variantId === row.id) ?? shown.find((p) => p.variantId === null) ?? null;
      return [row.id, { ...row, thumbnail }];
    }),
  );
}

/**
 * The variant a cart call means: the one named, or, given a product, its only variant for sale. A
 * product offering a choice is BAD_REQUEST naming its first option ("Choose a size").
 */
export async function chosenVariant(db: Db, choice: { variantId?: string; productId?: string }): Promise<string> {
  if (choice.variantId !== undefined) return choice.variantId;
  if (choice.productId === undefined) throw badRequest("Choose what to put in the cart", { field: "variantId" });
  const { products, productVariants } = catalogTables(db);
  const [product] = await db.orm
    .select({ options: products.options })
    .from(products)
    .where(eq(products.id, choice.productId));
  if (!product) throw notFound("Product");
  const variants = await db.orm
    .select({ id: productVariants.id, status: productVariants.status })
    .from(productVariants)
    .where(eq(productVariants.productId, choice.productId))
    .limit(2);
  const forSale = variants.filter((v) => v.status === "active");
  if (forSale.length === 1) return forSale[0]!.id;
  // A product without options has one variant: archived, it is refused as no longer sold.
  if (variants.length === 1) return variants[0]!.id;
  const first = product.options[0]?.name ?? "option";
  throw badRequest(`Choose a ${first.toLowerCase()}`, { field: "variantId" });
}

/**
 * Brings the product's copies of its variants up to date, inside the caller's transaction: the
 * lowest and highest price of its variants for sale, or of all its variants when none is for sale
 * (so the product still has a price to list), and the option values of those for sale, which
 * search finds it by. Every write to a product's variants or options calls this, and only this
 * writes those columns.
 */
export async function syncProductSummary(tx: Db, productId: string): Promise<void> {
  const { products, productVariants } = catalogTables(tx);
  const [product] = await tx.orm.select({ options: products.options }).from(products).where(eq(products.id, productId));
  const variants = await tx.orm
    .select({
      priceCents: productVariants.priceCents,
      status: productVariants.status,
      options: productVariants.options,
    })
    .from(productVariants)
    .where(eq(productVariants.productId, productId));
  if (!product || variants.length === 0) throw new Error(`product ${productId} has no variants`);
  const forSale = variants.filter((v) => v.status === "active");
  const prices = (forSale.length > 0 ? forSale : variants).map((v) => v.priceCents);
  await tx.orm
    .update(products)
    .set({
      priceCents: Math.min(...prices),
      maxPriceCents: Math.max(...prices),
      optionValues: optionValuesText(product.options, variants),
    })
    .where(eq(products.id, productId));
}

/** `options` with keys in the product's option order, so equal choices are equal JSON on both dialects. */
export function orderedOptions(productOptions: readonly ProductOption[], options: VariantOptions): VariantOptions {
  return Object.fromEntries(productOptions.map((o) => [o.name, options[o.name]!]));
}

/**
 * `exists` over the product's variants meeting `where`, with `limit 1`. The limit changes nothing
 * on Postgres, which drops it, but SQLite 3.51 skipped the wrong rows for an OFFSET when it read
 * products in price order from the index and tested a bare EXISTS for each: a catalog of sizes
 * filtered by "in stock" repeated products from one page on the next (seeded-catalog.test.ts).
 */
export function someVariant(db: Db, where: SQL | undefined): SQL {
  const { productVariants } = catalogTables(db);
  return exists(db.orm.select({ id: productVariants.id }).from(productVariants).where(where).limit(1));
}
