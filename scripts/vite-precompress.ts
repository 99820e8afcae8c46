/**
 * A Vite plugin that writes `file.br` and `file.gz` beside every compressible file of a build, at
 * the highest levels (too slow to do per request, free at build time). The server's serveStatic
 * (`precompressed: true`) sends them with `Content-Encoding` and `Vary: Accept-Encoding`.
 *
 *   plugins: [react(), precompress()]
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

/** The part of Vite's Plugin type this uses; spelled out because scripts/ cannot resolve vite. */
interface BuildPlugin {
  name: string;
  apply: "build";
  configResolved(config: { root: string; build: { outDir: string } }): void;
  closeBundle(): Promise<void>;
}

export function precompress(): BuildPlugin {
  let outDir = "";
  return {
    name: "shopwright:precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const source = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          // A tiny file can grow when compressed; then the plain file is the better answer.
          if (br.length < source.length) await writeFile(`${path}.br`, br);
          if (gz.length < source.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}
