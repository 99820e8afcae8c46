/**
 * A product's images: upload, removal, and the background job that makes their variants.
 *
 * Nothing is ever half-written. An upload is checked in full before anything is stored; its
 * original is stored before the row that names it, and removed again if the row cannot be written;
 * the variants job is enqueued in the row's own transaction. A removal deletes the row first, then
 * its objects. The variants job writes objects first and marks the row last, and cleans up after
 * itself when the image was removed while it ran.
 */
import { createHash } from "node:crypto";
import { type Db, isConstraintViolation, newId } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { enqueue } from "@shopwright/jobs";
import { and, eq, max } from "drizzle-orm";
import { badRequest, notFound, unavailable } from "../errors.ts";
import { sniffImageType } from "../media/image-type.ts";
import { originalKey } from "../media/keys.ts";
import { contentTypeOf, type MediaStorage, MediaStorageUnavailable } from "../media/port.ts";
import { fallbackFormatOf, inspectImage, renderVariants, variantWidths } from "./image-files.ts";
import { imageView, storedImageColumns, variantsOf } from "./images.ts";
import { bumpCatalogVersion, recordCatalogWrite } from "./version.ts";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Checks the upload by its bytes and pixels, stores it, and appends it to the product's images. */
export async function addProductImage(
  db: Db,
  storage: MediaStorage,
  actorId: string,
  input: { productId: string; variantId?: string; bytes: Uint8Array; alt: string; requestId?: string },
) {
  const { bytes } = input;
  if (bytes.length === 0) throw badRequest("The file is empty", { field: "image" });
  if (bytes.length > MAX_IMAGE_BYTES) throw badRequest("Images can be at most 5 MB", { field: "image" });
  const type = sniffImageType(bytes);
  if (!type) throw badRequest("Upload a JPEG, PNG or WebP image", { field: "image" });
  const { products, productImages, productVariants } = catalogTables(db);
  const [product] = await db.orm.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
  if (!product) throw notFound("Product");
  const variantId = input.variantId ?? null;
  if (variantId) {
    const [variant] = await db.orm
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, input.productId)));
    if (!variant) throw badRequest("That variant is not one of this product's", { field: "variantId" });
  }
  const { width, height } = await inspectImage(bytes, type);

  const id = newId("img");
  const key = originalKey(input.productId, id, type.extension);
  const contentHash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  await withStorage(() => storage.put(key, bytes, type.mime));
  const row = {
    id,
    productId: input.productId,
    variantId,
    key,
    alt: input.alt,
    width,
    height,
    contentHash,
    variantsAt: null,
  };
  try {
    await db.transaction(async (tx) => {
      const [highest] = await tx.orm
        .select({ last: max(productImages.position) })
        .from(productImages)
        .where(eq(productImages.productId, input.productId));
      await tx.orm.insert(productImages).values({ ...row, position: (highest?.last ?? -1) + 1 });
      await recordCatalogWrite(tx, {
        actorId,
        action: "product.image_added",
        entityType: "product",
        entityId: input.productId,
        details: { imageId: id, variantId, type: type.mime, bytes: bytes.length, width, height },
      });
      await enqueue(
        tx,
        "make_image_variants",
        { imageId: id, requestId: input.requestId },
        { jobKey: `variants:${id}` },
      );
    });
  } catch (error) {
    // The row is not there, so neither may its original be; the write's own error is the one to report.
    await storage.remove([key]).catch(() => undefined);
    if (isConstraintViolation(error, "foreignKey")) throw notFound("Product");
    throw error;
  }
  return { id, ...imageView(row) };
}

/** Removes an image's row, then its original and variants. */
export async function deleteProductImage(db: Db, storage: MediaStorage, actorId: string, imageId: string) {
  const { productImages } = catalogTables(db);
  const removed = await db.transaction(async (tx) => {
    const [image] = await tx.orm
      .delete(productImages)
      .where(eq(productImages.id, imageId))
      .returning({ productId: productImages.productId, ...storedImageColumns(tx) });
    if (!image) throw notFound("Image");
    await recordCatalogWrite(tx, {
      actorId,
      action: "product.image_removed",
      entityType: "product",
      entityId: image.productId,
      details: { imageId, key: image.key },
    });
    return image;
  });
  await removeImageObjects(storage, [removed]);
  return removed.productId;
}

/** The objects behind images whose rows are gone; a failure leaves only wasted space. */
export async function removeImageObjects(
  storage: MediaStorage,
  images: { id: string; key: string; width: number; contentHash: string | null }[],
): Promise<void> {
  const keys = images.flatMap((image) => [image.key, ...variantsOf(image).map((v) => v.key)]);
  await storage.remove(keys).catch(() => undefined);
}

/**
 * The variants job: renders every variant of one image, stores them, then marks the image ready.
 * Safe to run twice (the same bytes go to the same keys). An image removed meanwhile is not an
 * error: the job removes what it wrote.
 */
export async function makeImageVariants(db: Db, storage: MediaStorage, imageId: string): Promise<"made" | "gone"> {
  const { productImages } = catalogTables(db);
  const [image] = await db.orm.select(storedImageColumns(db)).from(productImages).where(eq(productImages.id, imageId));
  if (!image?.contentHash) return "gone";
  const original = await storage.get(image.key);
  if (!original) throw new Error(`The original of image ${imageId} is missing from media storage (${image.key})`);
  const extension = image.key.slice(image.key.lastIndexOf(".") + 1);
  const rendered = await renderVariants(original.bytes, variantWidths(image.width), fallbackFormatOf(extension));
  const keys = variantsOf(image);
  for (const variant of rendered) {
    const { key } = keys.find((k) => k.width === variant.width && k.format === variant.format)!;
    await storage.put(key, variant.bytes, contentTypeOf(key));
  }
  // The image's answers change (variant srcsets), so the catalog version moves with the mark.
  const marked = await db.transaction(async (tx) => {
    const rows = await tx.orm
      .update(productImages)
      .set({ variantsAt: new Date() })
      .where(eq(productImages.id, imageId))
      .returning({ id: productImages.id });
    if (rows.length > 0) await bumpCatalogVersion(tx);
    return rows;
  });
  if (marked.length === 0) {
    await storage.remove(keys.map((k) => k.key));
    return "gone";
  }
  return "made";
}

async function withStorage(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof MediaStorageUnavailable) {
      throw unavailable("Image storage is not reachable right now; nothing was saved. Try again in a minute");
    }
    throw error;
  }
}
