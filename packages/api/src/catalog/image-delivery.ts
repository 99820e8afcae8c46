/**
 * What `/media/<key>` answers. Public objects (variants, the seed's art) come from the storage as
 * stored, or — with a bucket and a public URL configured — by redirect to the bucket or its CDN.
 * An original is never handed out. Asked for with `?w=` one of its variant widths before its
 * variants exist, it answers that width's WebP variant, made from the original on the first ask
 * (once, however many ask at the same moment), stored where the variant job puts it, and read
 * from storage from then on: the original is decoded once per width, never per request.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { eq } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { cacheControlOf, isOriginalKey, isPublicKey, variantKey } from "../media/keys.ts";
import { contentTypeOf, type MediaStorage } from "../media/port.ts";
import { mediaStorageFor } from "../media/storage.ts";
import { scaleOriginal, variantWidths } from "./image-files.ts";

export type MediaAnswer =
  | { redirect: string; cacheControl: string }
  | { bytes: Uint8Array; contentType: string; cacheControl: string }
  | null;

/** The original's URL answers another object once the variants exist: a CDN or the browser keeps it a day. */
const SCALED_CACHE = "public, max-age=86400";

export async function mediaAnswer(
  deps: { db: Db; config: ApiConfig },
  key: string,
  width?: number,
): Promise<MediaAnswer> {
  if (isOriginalKey(key)) return width === undefined ? null : scaled(deps, key, width);
  if (!isPublicKey(key)) return null;
  const cacheControl = cacheControlOf(key);
  if (deps.config.s3?.publicUrl) return { redirect: `${deps.config.s3.publicUrl}/${key}`, cacheControl };
  const object = await mediaStorageFor(deps.config).get(key);
  return object && { ...object, cacheControl };
}

/** Renderings under way, by the key they will be stored under, so concurrent asks share one. */
const rendering = new Map<string, Promise<Uint8Array | null>>();

async function scaled({ db, config }: { db: Db; config: ApiConfig }, key: string, width: number): Promise<MediaAnswer> {
  const { productImages } = catalogTables(db);
  // originals/<productId>/<imageId>.<extension>
  const imageId = key.slice(key.lastIndexOf("/") + 1, key.lastIndexOf("."));
  const [image] = await db.orm
    .select({ key: productImages.key, width: productImages.width, contentHash: productImages.contentHash })
    .from(productImages)
    .where(eq(productImages.id, imageId));
  // Only the widths its variants will have: any other would let a caller make the server encode without end.
  if (image?.key !== key || !image.contentHash || !variantWidths(image.width).includes(width)) return null;
  const storage = mediaStorageFor(config);
  const target = variantKey(imageId, image.contentHash, width, "webp");
  const stored = await storage.get(target);
  if (stored) return { ...stored, cacheControl: SCALED_CACHE };
  let made = rendering.get(target);
  if (!made) {
    made = render(storage, key, target, width).finally(() => rendering.delete(target));
    rendering.set(target, made);
  }
  const bytes = await made;
  return bytes && { bytes, contentType: contentTypeOf(target), cacheControl: SCALED_CACHE };
}

async function render(storage: MediaStorage, originalKey: string, target: string, width: number) {
  const original = await storage.get(originalKey);
  if (!original) return null;
  const bytes = await scaleOriginal(original.bytes, width);
  await storage.put(target, bytes, contentTypeOf(target));
  return bytes;
}
