/**
 * What `/media/<key>` answers. Public objects (variants, the seed's art) come from the storage as
 * stored, or — with a bucket and a public URL configured — by redirect to the bucket or its CDN.
 * An original is never handed out; asked for with `?w=` one of its variant widths, it is scaled
 * and re-encoded (no metadata), which is what shoppers see until its variants exist.
 */
import type { ApiConfig } from "../config.ts";
import { cacheControlOf, isOriginalKey, isPublicKey } from "../media/keys.ts";
import { mediaStorageFor } from "../media/storage.ts";
import { scaleOriginal, sharpOf, variantWidths } from "./image-files.ts";

export type MediaAnswer =
  | { redirect: string; cacheControl: string }
  | { bytes: Uint8Array; contentType: string; cacheControl: string }
  | null;

/** Scaled originals are made on request: a CDN or the browser keeps them a day. */
const SCALED_CACHE = "public, max-age=86400";

export async function mediaAnswer(config: ApiConfig, key: string, width?: number): Promise<MediaAnswer> {
  if (isOriginalKey(key)) return width === undefined ? null : scaled(config, key, width);
  if (!isPublicKey(key)) return null;
  const cacheControl = cacheControlOf(key);
  if (config.s3?.publicUrl) return { redirect: `${config.s3.publicUrl}/${key}`, cacheControl };
  const object = await mediaStorageFor(config).get(key);
  return object && { ...object, cacheControl };
}

async function scaled(config: ApiConfig, key: string, width: number): Promise<MediaAnswer> {
  const original = await mediaStorageFor(config).get(key);
  if (!original) return null;
  // Only the widths its variants will have: any other width would let a caller make the server
  // encode without end.
  const { autoOrient } = await (await sharpOf(original.bytes)).metadata();
  if (!variantWidths(autoOrient.width).includes(width)) return null;
  return { bytes: await scaleOriginal(original.bytes, width), contentType: "image/webp", cacheControl: SCALED_CACHE };
}
