/**
 * The media storage port: where uploaded product images live. Services see only `put` and
 * `remove`; the local-disk adapter keeps files under a folder the server serves at /media.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";

export interface MediaStorage {
  /** Stores `bytes` under `key` (a relative path like `products/prod_x/img_y.png`); returns its public URL. */
  put(key: string, bytes: Uint8Array): Promise<{ url: string }>;
  /** Removes what `put` stored at `url`; a missing file is not an error. */
  remove(url: string): Promise<void>;
}

const PUBLIC_PREFIX = "/media/";

/** Files under `root`, published at `/media/<key>` (the server serves that folder there). */
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
      await writeFile(path, bytes);
      return { url: PUBLIC_PREFIX + key };
    },
    async remove(url) {
      if (!url.startsWith(PUBLIC_PREFIX)) return;
      await rm(pathOf(url.slice(PUBLIC_PREFIX.length)), { force: true });
    },
  };
}

/** The storage the deployment configured. */
export function mediaStorageFor(config: { mediaDir: string }): MediaStorage {
  return localMediaStorage(config.mediaDir);
}
