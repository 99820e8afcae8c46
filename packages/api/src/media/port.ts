/**
 * The media storage port: where product images live. Services see only keys (`originals/…`,
 * `variants/…`); which adapter holds them — a folder on this machine or an S3-compatible bucket
 * every server shares — is the deployment's choice (`mediaStorageFor` in storage.ts).
 */
export interface StoredMedia {
  bytes: Uint8Array;
  contentType: string;
}

export interface MediaStorage {
  /** Stores `bytes` under `key` (a relative path like `variants/img_x.ab12/400.webp`), replacing any. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** What `put` stored under `key`, or null. */
  get(key: string): Promise<StoredMedia | null>;
  /** Removes the objects; keys that do not exist are not an error. */
  remove(keys: string[]): Promise<void>;
}

/** The storage could not be reached or refused the request: the caller may try again later. */
export class MediaStorageUnavailable extends Error {
  override readonly name = "MediaStorageUnavailable";
}

const CONTENT_TYPES: Record<string, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpg: "image/jpeg",
  png: "image/png",
  svg: "image/svg+xml",
};

/** The content type a key's extension stands for (keys are made by the shop, so extensions are known). */
export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}
