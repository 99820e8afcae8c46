/**
 * The media storage port: where product images live. Services see only keys (`originals/…`,
 * `variants/…`); which adapter holds them — a folder on this machine or an S3-compatible bucket
 * every server shares — is the deployment's choice (`mediaStorageFor`).
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import type { ApiConfig } from "../config.ts";
import { s3MediaStorage } from "./s3-storage.ts";

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

/** Files under `root`, one per key. */
export function localMediaStorage(root: string): MediaStorage {
  const pathOf = (key: string) => {
    const path = normalize(join(root, key));
    // Keys are built by the shop from ids, but a path must never escape the media folder.
    if (!path.startsWith(normalize(root) + sep)) throw new Error(`Media key escapes the media folder: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      const partial = `${path}.${process.pid}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
    },
    async get(key) {
      try {
        return { bytes: await readFile(pathOf(key)), contentType: contentTypeOf(key) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
  };
}

const adapters = new WeakMap<ApiConfig, MediaStorage>();

/** The storage the deployment configured: the S3 bucket when one is set, else the media folder. */
export function mediaStorageFor(config: ApiConfig): MediaStorage {
  let storage = adapters.get(config);
  if (!storage) {
    storage = config.s3 ? s3MediaStorage(config.s3) : localMediaStorage(config.mediaDir);
    adapters.set(config, storage);
  }
  return storage;
}
