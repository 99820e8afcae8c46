/**
 * Catalog management for admins: products, their variants and images. Every change writes an
 * audit row in the same transaction; image files are written before and removed after the rows
 * that name them.
 */
import { type Db, isConstraintViolation, newId, type ProductOption, type ProductStatus } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import { auditTrail } from "../audit/audit-log.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import type { MediaStorage } from "../media/port.ts";
import { imagesByProduct, imageView, storedImageColumns } from "./images.ts";
import { productCardColumns, productPageColumns } from "./product.ts";
import { removeImageObjects } from "./product-images.ts";
import { firstFreeSlug, freeSlug } from "./slug.ts";
import { saveVariants, type VariantInput, type VariantsOrdered } from "./variant-admin.ts";
import { checkOptions } from "./variant-rules.ts";
import { syncProductSummary, variantsByProduct } from "./variants.ts";
import { recordCatalogWrite } from "./version.ts";

export interface ProductFields {
  name: string;
  slug?: string;
  description: string;
  categoryId: string;
  status?: ProductStatus;
  /** A product without options: its one variant's price and stock (ignored when `variants` is given). */
  priceCents?: number;
  stock?: number;
  options?: ProductOption[];
  variants?: VariantInput[];
}

/** The product's own columns among its fields: what `updateProduct` compares and writes. */
const OWN_FIELDS = ["name", "slug", "description", "categoryId", "status"] as const;
type OwnFields = Pick<ProductFields, (typeof OWN_FIELDS)[number]>;

export async function listProducts(db: Db, filter: Page & { q?: string; status?: ProductStatus; categoryId?: string }) {
  const { products, categories } = catalogTables(db);
  const conditions: SQL[] = [];
  if (filter.q) conditions.push(or(containsText(products.name, filter.q), containsText(products.slug, filter.q))!);
  if (filter.status) conditions.push(eq(products.status, filter.status));
  if (filter.categoryId) conditions.push(eq(products.categoryId, filter.categoryId));
  const where = and(...conditions);

  const listed = await pageOf(
    filter,
    db.orm
      .select({
        ...productCardColumns(db),
        variantCount: variantCount(db),
        status: products.status,
        categoryId: products.categoryId,
        categoryName: categories.name,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(where)
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter)),
    db.orm.select({ total: count() }).from(products).where(where),
  );
  const images = await imagesByProduct(
    db,
    listed.items.map((row) => row.id),
  );
  return { ...listed, items: listed.items.map((row) => ({ ...row, imageUrl: images.get(row.id)?.[0]?.url ?? null })) };
}

/** How many variants the product has, archived ones included, as a subquery on `products`. */
function variantCount(db: Db) {
  const { products, productVariants } = catalogTables(db);
  return sql<number>`(${db.orm
    .select({ n: count() })
    .from(productVariants)
    .where(eq(productVariants.productId, products.id))})`.mapWith(Number);
}

/**
 * One product as the edit form needs it: fields, options, every variant (archived ones too, up to
 * the 250 a product may have), images in order, its audit trail. Whether it was ordered is the
 * orders domain's to say (the router asks it through its `ProductOrdered` port).
 */
export async function productById(db: Db, id: string) {
  const { products, productImages } = catalogTables(db);
  const [product] = await db.orm
    .select({ ...productPageColumns(db), status: products.status })
    .from(products)
    .where(eq(products.id, id));
  if (!product) throw notFound("Product");
  const [images, audit, variants] = await Promise.all([
    db.orm
      .select(storedImageColumns(db))
      .from(productImages)
      .where(eq(productImages.productId, id))
      .orderBy(asc(productImages.position), asc(productImages.id))
      .then((rows) => rows.map((row) => ({ id: row.id, ...imageView(row), variantsReady: row.variantsAt !== null }))),
    auditTrail(db, "product", id),
    variantsByProduct(db, [id]).then((byProduct) => byProduct.get(id) ?? []),
  ]);
  const stock = variants.filter((v) => v.status === "active").reduce((sum, v) => sum + v.stock, 0);
  return {
    ...product,
    stock,
    variantCount: variants.length,
    variants: variants.map(({ productId: _, ...v }) => v),
    images,
    audit,
  };
}

/** Options must be well formed before variants are checked against them. */
function assertOptions(options: readonly ProductOption[]) {
  const [problem, ...more] = checkOptions(options);
  if (!problem) return;
  const problems = [problem, ...more].map((p) => ({ field: p.path.join("."), message: p.message }));
  throw badRequest(problem.message, { field: problems[0]!.field, problems });
}

/** A SKU for a product's one variant, from its slug; the first of slug, slug-2, … no variant has. */
async function freeSku(db: Db, slug: string): Promise<string> {
  const { productVariants } = catalogTables(db);
  const rows = await db.orm
    .select({ sku: productVariants.sku })
    .from(productVariants)
    .where(or(eq(productVariants.sku, slug), like(productVariants.sku, `${slug}-%`)));
  return firstFreeSlug(slug, new Set(rows.map((r) => r.sku)));
}

/** The variants a create or an update asks for: the list given, or one from a price and stock. */
function requestedVariants(
  fields: Pick<ProductFields, "priceCents" | "stock" | "variants">,
  sku: () => Promise<string>,
) {
  if (fields.variants) return Promise.resolve(fields.variants);
  if (fields.priceCents === undefined || fields.stock === undefined) {
    throw badRequest("Give the product a price and stock, or its variants", { field: "priceCents" });
  }
  const { priceCents, stock } = fields;
  return sku().then((free) => [{ sku: free, options: {}, priceCents, stock }]);
}

/**
 * Makes a product with its variants: the `variants` given (matching `options`), or, for a product
 * without options, one variant of `priceCents` and `stock` whose SKU is the slug.
 */
export async function createProduct(db: Db, actorId: string, fields: ProductFields, variantsOrdered: VariantsOrdered) {
  const id = newId("prod");
  const slug = fields.slug ?? (await freeSlug(db, catalogTables(db).products, fields.name));
  const options = fields.options ?? [];
  assertOptions(options);
  const variants = await requestedVariants(fields, () => freeSku(db, slug));
  const status = fields.status ?? "active";
  await writeProduct(() =>
    db.transaction(async (tx) => {
      // The price range is a placeholder until saveVariants sets it from the variants.
      const price = variants[0]?.priceCents ?? 0;
      await tx.orm.insert(catalogTables(tx).products).values({
        id,
        slug,
        name: fields.name,
        description: fields.description,
        categoryId: fields.categoryId,
        status,
        options,
        priceCents: price,
        maxPriceCents: price,
      });
      await saveVariants(tx, { productId: id, options, variants, variantsOrdered });
      await recordCatalogWrite(tx, {
        actorId,
        action: "product.created",
        entityType: "product",
        entityId: id,
        details: {
          name: fields.name,
          slug,
          status,
          options,
          variants: variants.map(({ sku, priceCents, stock }) => ({ sku, priceCents, stock })),
        },
      });
    }),
  );
  return productById(db, id);
}

/**
 * Changes what the patch names. `variants` replaces the product's list (with `options`, if they
 * change); a product without options may instead change its one variant's `priceCents` and `stock`.
 */
export async function updateProduct(
  db: Db,
  actorId: string,
  id: string,
  patch: Partial<ProductFields>,
  variantsOrdered: VariantsOrdered,
) {
  await writeProduct(() =>
    db.transaction(async (tx) => {
      const { products } = catalogTables(tx);
      const [before] = await tx.orm.select().from(products).where(eq(products.id, id));
      if (!before) throw notFound("Product");
      const changed = Object.fromEntries(
        OWN_FIELDS.flatMap((key) =>
          patch[key] !== undefined && patch[key] !== before[key] ? [[key, patch[key]]] : [],
        ),
      ) as OwnFields;
      const changes: Record<string, unknown> = Object.fromEntries(
        Object.entries(changed).map(([key, to]) => [key, { from: before[key as keyof OwnFields], to }]),
      );
      if (patch.options && !patch.variants) {
        throw badRequest("Send the product's variants with its options", { field: "variants" });
      }
      if (patch.variants) {
        const options = patch.options ?? before.options;
        assertOptions(options);
        if (JSON.stringify(options) !== JSON.stringify(before.options)) {
          await tx.orm.update(products).set({ options }).where(eq(products.id, id));
          changes.options = { from: before.options, to: options };
        }
        const moved = await saveVariants(tx, { productId: id, options, variants: patch.variants, variantsOrdered });
        if (moved.added + moved.changed + moved.deleted + moved.archived > 0) changes.variants = moved;
      } else if (patch.priceCents !== undefined || patch.stock !== undefined) {
        const moved = await updateOnlyVariant(tx, id, before.options, patch);
        Object.assign(changes, moved);
      }
      if (Object.keys(changes).length === 0) return;
      // Only changed columns are written, so an edit never re-asserts a stale figure.
      if (Object.keys(changed).length > 0) await tx.orm.update(products).set(changed).where(eq(products.id, id));
      await recordCatalogWrite(tx, {
        actorId,
        action: "product.updated",
        entityType: "product",
        entityId: id,
        details: changes,
      });
    }),
  );
}

/** The old way to edit a simple product: its one variant's price and stock; what changed, for the audit. */
async function updateOnlyVariant(
  tx: Db,
  productId: string,
  options: readonly ProductOption[],
  patch: Pick<ProductFields, "priceCents" | "stock">,
) {
  const { productVariants } = catalogTables(tx);
  const variants = await tx.orm
    .select({ id: productVariants.id, priceCents: productVariants.priceCents, stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.productId, productId));
  const [only] = variants;
  if (options.length > 0 || variants.length !== 1 || !only) {
    throw badRequest("This product has variants: set the price and stock of each", { field: "variants" });
  }
  const changed = Object.fromEntries(
    (["priceCents", "stock"] as const).flatMap((key) =>
      patch[key] !== undefined && patch[key] !== only[key] ? [[key, patch[key]]] : [],
    ),
  );
  if (Object.keys(changed).length === 0) return {};
  await tx.orm.update(productVariants).set(changed).where(eq(productVariants.id, only.id));
  await syncProductSummary(tx, productId);
  return Object.fromEntries(Object.entries(changed).map(([key, to]) => [key, { from: only[key as "stock"], to }]));
}

/**
 * Deletes a product nobody has ordered; archives one that has been (`ordered`, the orders domain's
 * answer), since order lines keep pointing at it. An order placed while the delete runs makes the
 * delete fail on the foreign key, and the product is archived instead.
 */
export async function deleteProduct(
  db: Db,
  storage: MediaStorage,
  actorId: string,
  { id, ordered }: { id: string; ordered: boolean },
) {
  const { products, productImages } = catalogTables(db);
  if (!ordered) {
    try {
      const images = await db.transaction(async (tx) => {
        const stored = await tx.orm
          .select(storedImageColumns(tx))
          .from(productImages)
          .where(eq(productImages.productId, id));
        const deleted = await tx.orm.delete(products).where(eq(products.id, id)).returning({ name: products.name });
        if (deleted.length === 0) throw notFound("Product");
        await recordCatalogWrite(tx, {
          actorId,
          action: "product.deleted",
          entityType: "product",
          entityId: id,
          details: { name: deleted[0]!.name },
        });
        return stored;
      });
      await removeImageObjects(storage, images);
      return { outcome: "deleted" as const };
    } catch (error) {
      if (!isConstraintViolation(error, "foreignKey")) throw error;
    }
  }
  await db.transaction(async (tx) => {
    const archived = await tx.orm
      .update(catalogTables(tx).products)
      .set({ status: "archived" })
      .where(eq(catalogTables(tx).products.id, id))
      .returning({ id: catalogTables(tx).products.id });
    if (archived.length === 0) throw notFound("Product");
    await recordCatalogWrite(tx, {
      actorId,
      action: "product.archived",
      entityType: "product",
      entityId: id,
      details: { reason: "ordered" },
    });
  });
  return { outcome: "archived" as const };
}

/** Sets the order and alt text of a product's images; `images` must name each of them once. */
export async function updateProductImages(
  db: Db,
  actorId: string,
  input: { productId: string; images: { id: string; alt: string }[] },
) {
  await db.transaction(async (tx) => {
    const { productImages } = catalogTables(tx);
    const current = await tx.orm
      .select({ id: productImages.id, alt: productImages.alt, position: productImages.position })
      .from(productImages)
      .where(eq(productImages.productId, input.productId))
      .orderBy(asc(productImages.position), asc(productImages.id));
    const given = new Set(input.images.map((image) => image.id));
    if (given.size !== input.images.length || given.size !== current.length || current.some((c) => !given.has(c.id))) {
      throw badRequest("List each of the product's images exactly once", { field: "images" });
    }
    for (const [position, image] of input.images.entries()) {
      await tx.orm
        .update(productImages)
        .set({ position, alt: image.alt })
        .where(and(eq(productImages.id, image.id), eq(productImages.productId, input.productId)));
    }
    const altChanges = Object.fromEntries(
      input.images.flatMap((image) => {
        const before = current.find((c) => c.id === image.id)!.alt;
        return before === image.alt ? [] : [[image.id, { from: before, to: image.alt }]];
      }),
    );
    const reordered = current.some((c, i) => input.images[i]!.id !== c.id);
    await recordCatalogWrite(tx, {
      actorId,
      action: "product.images_updated",
      entityType: "product",
      entityId: input.productId,
      details: {
        ...(reordered ? { order: { from: current.map((c) => c.id), to: input.images.map((i) => i.id) } } : {}),
        ...altChanges,
      },
    });
  });
}

/** A slug from `name` that no product has yet (a race with another create ends in CONFLICT). */
/** Turns constraint violations of a product write into answers a form can show by field. */
async function writeProduct(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isConstraintViolation(error, "unique"))
      throw conflict("Another product already uses that slug", { field: "slug" });
    if (isConstraintViolation(error, "foreignKey"))
      throw badRequest("That category does not exist", { field: "categoryId" });
    if (isConstraintViolation(error, "check")) throw badRequest("Price and stock cannot be negative");
    throw error;
  }
}
