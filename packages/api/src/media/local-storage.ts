import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import { contentTypeOf, type MediaStorage } from "./port.ts";

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
