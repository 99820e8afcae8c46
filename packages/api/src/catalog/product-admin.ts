/**
 * Catalog management for admins: products and their images. Every change writes an audit row in
 * the same transaction; image files are written before and removed after the rows that name them.
 */
import { type Db, isConstraintViolation, newId, type ProductStatus } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, count, desc, eq, or, type SQL } from "drizzle-orm";
import { auditTrail } from "../audit/audit-log.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import type { MediaStorage } from "../media/port.ts";
import { imagesByProduct, imageView, storedImageColumns } from "./images.ts";
import { productCardColumns } from "./product.ts";
import { removeImageObjects } from "./product-images.ts";
import { freeSlug } from "./slug.ts";
import { recordCatalogWrite } from "./version.ts";

export interface ProductFields {
  name: string;
  slug?: string;
  description: string;
  priceCents: number;
  stock: number;
  categoryId: string;
  status?: ProductStatus;
}

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

/**
 * One product as the edit form needs it: fields, images in order, its audit trail. Whether it was
 * ordered is the orders domain's to say (the router asks it through its `ProductOrdered` port).
 */
export async function productById(db: Db, id: string) {
  const { products, productImages } = catalogTables(db);
  const [product] = await db.orm
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      description: products.description,
      priceCents: products.priceCents,
      stock: products.stock,
      status: products.status,
      categoryId: products.categoryId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(eq(products.id, id));
  if (!product) throw notFound("Product");
  const [images, audit] = await Promise.all([
    db.orm
      .select(storedImageColumns(db))
      .from(productImages)
      .where(eq(productImages.productId, id))
      .orderBy(asc(productImages.position), asc(productImages.id))
      .then((rows) => rows.map((row) => ({ id: row.id, ...imageView(row), variantsReady: row.variantsAt !== null }))),
    auditTrail(db, "product", id),
  ]);
  return { ...product, images, audit };
}

export async function createProduct(db: Db, actorId: string, fields: ProductFields) {
  const id = newId("prod");
  const slug = fields.slug ?? (await freeSlug(db, catalogTables(db).products, fields.name));
  const values = { ...fields, id, slug, status: fields.status ?? "active" };
  await writeProduct(() =>
    db.transaction(async (tx) => {
      await tx.orm.insert(catalogTables(tx).products).values(values);
      await recordCatalogWrite(tx, {
        actorId,
        action: "product.created",
        entityType: "product",
        entityId: id,
        details: { name: values.name, slug, priceCents: values.priceCents, stock: values.stock, status: values.status },
      });
    }),
  );
  return productById(db, id);
}

export async function updateProduct(db: Db, actorId: string, id: string, patch: Partial<ProductFields>) {
  await writeProduct(() =>
    db.transaction(async (tx) => {
      const { products } = catalogTables(tx);
      const [before] = await tx.orm.select().from(products).where(eq(products.id, id));
      if (!before) throw notFound("Product");
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([key, to]) => to !== undefined && before[key as keyof ProductFields] !== to),
      ) as Partial<ProductFields>;
      if (Object.keys(changed).length === 0) return;
      // Only changed columns are written, so an edit never re-asserts a stale stock figure.
      await tx.orm.update(products).set(changed).where(eq(products.id, id));
      const changes = Object.fromEntries(
        Object.entries(changed).map(([key, to]) => [key, { from: before[key as keyof ProductFields], to }]),
      );
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
