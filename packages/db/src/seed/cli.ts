/**
 * `pnpm seed -- --products 10000 [--database-url postgres://…] [--data-dir .data] [--media-dir …] [--seed n]`
 *
 * Adds a generated catalog to a database and prints how long each step took. Without
 * `--database-url` (or DATABASE_URL) it seeds the embedded database under the data directory,
 * the one `pnpm start` uses; stop the server first, since only one process can open it. Relative
 * paths are read from the repository root; images go to `<media-dir>/seed` (default `<data-dir>/media`).
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPostgresDb } from "../client.ts";
import { startEmbeddedPostgres } from "../embedded.ts";
import { migrate } from "../migrate.ts";
import { folderImageStore, SEED_PRODUCTS_DEFAULT, seedCatalog } from "./index.ts";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

async function main() {
  const args = process.argv.slice(2);
  // `pnpm seed -- --products …` passes the `--` separator through.
  if (args[0] === "--") args.shift();
  const { values } = parseArgs({
    args,
    options: {
      products: { type: "string", default: String(SEED_PRODUCTS_DEFAULT) },
      "database-url": { type: "string" },
      "data-dir": { type: "string", default: ".data" },
      "media-dir": { type: "string" },
      seed: { type: "string" },
    },
  });
  const products = Number(values.products);
  if (!Number.isInteger(products) || products < 1 || products > 1_000_000) {
    throw new Error("--products must be a whole number from 1 to 1,000,000");
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const dataDir = resolve(repoRoot, values["data-dir"]);
  const mediaDir = values["media-dir"] ? resolve(repoRoot, values["media-dir"]) : resolve(dataDir, "media");
  const url = values["database-url"] ?? process.env.DATABASE_URL;

  const embedded = url ? undefined : await startEmbeddedPostgres({ dataDir });
  const db = createPostgresDb(url ?? embedded!.url, { max: 2 });
  try {
    const started = performance.now();
    await migrate(db);
    const report = await seedCatalog(db, { products, images: folderImageStore(mediaDir), seed });
    const total = Math.round(performance.now() - started);
    const { generate, images, insert } = report.milliseconds;
    console.log(
      `Seeded ${report.products} products in ${report.categories} categories in ${total} ms ` +
        `(generate ${generate} ms, images ${images} ms, insert ${insert} ms); images in ${mediaDir}/seed`,
    );
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
