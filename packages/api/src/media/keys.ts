/**
 * Where each kind of media object lives, and who may see it. Originals are private: a shopper only
 * ever gets re-encoded, metadata-free variants. Variant keys carry a hash of the original's
 * bytes, so the bytes behind a variant URL never change and caches may keep them for good.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export const originalKey = (productId: string, imageId: string, extension: string) =>
  `originals/${productId}/${imageId}.${extension}`;

export const variantKey = (imageId: string, contentHash: string, width: number, extension: string) =>
  `variants/${imageId}.${contentHash}/${width}.${extension}`;

const PUBLIC_PREFIXES = ["variants/", "seed/"];

/** Whether `/media/<key>` may hand the object out as stored. */
export const isPublicKey = (key: string) => PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix));

export const isOriginalKey = (key: string) => key.startsWith("originals/");

export function cacheControlOf(key: string): string {
  if (key.startsWith("variants/")) return IMMUTABLE;
  if (isPublicKey(key)) return "public, max-age=86400";
  return "private, no-store";
}
