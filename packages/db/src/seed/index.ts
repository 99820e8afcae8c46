/**
 * Seed data: a realistic catalog for trying the shop, for tests that need a whole catalog, and for
 * benchmarks. `seedIfEmpty` is what `SEED=auto` runs at start; `seedCatalog` fills an empty catalog
 * of any size (the `pnpm seed` CLI uses it for large ones).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { count } from "drizzle-orm";
import { advisoryLocks } from "../advisory-locks.ts";
import type { Db } from "../client.ts";
import { newId } from "../ids.ts";
import { authTables } from "../tables/auth.ts";
import { catalogTables } from "../tables/catalog.ts";
import { generateCatalog, type SeedProduct } from "./generate.ts";
import { seedPricing } from "./pricing-data.ts";

export { seedPricing };

import { PRODUCT_IMAGE_SIZE, productSvg } from "./product-image.ts";

export { EDITION_WORD, generateCatalog } from "./generate.ts";

/** Rows per INSERT: big enough to be fast, well under every driver's bound-parameter limit. */
const BATCH = 500;
/** Images are written this many at a time, so 10,000 files never exhaust file handles. */
const WRITE_CONCURRENCY = 64;

export const SEED_PRODUCTS_DEFAULT = 1000;

/**
 * Where the seed's pictures go: the shop's media storage (structurally its `put`), so a shop on an
 * S3 bucket gets them in the bucket. Keys are `seed/<slug>.svg`.
 */
export interface SeedImageStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

/** A folder as the image store, for the CLI and benchmarks: `<dir>/seed/<slug>.svg`. */
export function folderImageStore(dir: string): SeedImageStore {
  return {
    async put(key, bytes) {
      await mkdir(dirname(join(dir, key)), { recursive: true });
      await writeFile(join(dir, key), bytes);
    },
  };
}

export interface SeedCatalogOptions {
  /** How many products to make. */
  products: number;
  /** Where the pictures go. */
  images: SeedImageStore;
  /** The PRNG seed; the same seed makes the same catalog. */
  seed?: number;
}

export interface SeedReport {
  categories: number;
  products: number;
  milliseconds: { generate: number; images: number; insert: number };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const imageKey = (product: SeedProduct) => `seed/${product.slug}.svg`;

/**
 * The seed's pictures stay vector art: an SVG is about 0.8 KB, smaller than any raster variant of
 * it, and rasterising 1,000 of them into variants would take minutes (see docs/performance.md).
 */
async function writeImages(images: SeedImageStore, products: SeedProduct[]): Promise<void> {
  for (const batch of chunks(products, WRITE_CONCURRENCY)) {
    await Promise.all(
      batch.map((p) => images.put(imageKey(p), Buffer.from(productSvg({ name: p.name, ...p.image })), "image/svg+xml")),
    );
  }
}

/**
 * Fills an empty catalog with a generated one (categories, products with their variants, one image each) in one
 * transaction. A catalog that already has categories is left alone: its slugs would collide.
 */
export async function seedCatalog(db: Db, options: SeedCatalogOptions): Promise<SeedReport> {
  const started = performance.now();
  const [existing] = await db.orm.select({ n: count() }).from(catalogTables(db).categories);
  if ((existing?.n ?? 0) > 0) throw new Error("The catalog is not empty; seed an empty database");
  const catalog = generateCatalog({ products: options.products, seed: options.seed });
  const generated = performance.now();
  await writeImages(options.images, catalog.products);
  const written = performance.now();

  const { categories, products, productVariants, productImages } = catalogTables(db);
  await db.transaction(async (tx) => {
    // Parents first: a child's parent must exist when its row arrives.
    const roots = catalog.categories.filter((c) => c.parentId === null);
    const children = catalog.categories.filter((c) => c.parentId !== null);
    for (const batch of [roots, children]) await tx.orm.insert(categories).values(batch);
    for (const batch of chunks(catalog.products, BATCH)) {
      await tx.orm.insert(products).values(batch.map(({ image: _, variants: __, ...product }) => product));
      for (const variants of chunks(
        batch.flatMap((p) =>
          p.variants.map((v) => ({ ...v, productId: p.id, createdAt: p.createdAt, updatedAt: p.createdAt })),
        ),
        BATCH,
      )) {
        await tx.orm.insert(productVariants).values(variants);
      }
      await tx.orm.insert(productImages).values(
        batch.map((p) => ({
          id: newId("pimg"),
          productId: p.id,
          key: imageKey(p),
          width: PRODUCT_IMAGE_SIZE,
          height: PRODUCT_IMAGE_SIZE,
          alt: p.image.alt,
          position: 0,
          createdAt: p.createdAt,
        })),
      );
    }
  });
  const inserted = performance.now();

  return {
    categories: catalog.categories.length,
    products: catalog.products.length,
    milliseconds: {
      generate: Math.round(generated - started),
      images: Math.round(written - generated),
      insert: Math.round(inserted - written),
    },
  };
}

export interface SeedIfEmptyOptions {
  images: SeedImageStore;
  /** The admin account to create; the password is hashed by the caller (auth owns hashing). */
  admin: { email: string; name: string; passwordHash: string };
  products?: number;
}

/**
 * Seeds a database that has no categories and no users: the catalog, the admin account and a
 * starting point for shipping, tax and discount codes.
 * Returns null when the database was not empty. Servers starting together on one empty database
 * queue on an advisory lock, so exactly one of them seeds.
 */
export async function seedIfEmpty(db: Db, options: SeedIfEmptyOptions): Promise<SeedReport | null> {
  return db.transaction(async (tx) => {
    await tx.lockKey(advisoryLocks.seed);
    const { categories } = catalogTables(tx);
    const { users } = authTables(tx);
    const [[cats], [people]] = await Promise.all([
      tx.orm.select({ n: count() }).from(categories),
      tx.orm.select({ n: count() }).from(users),
    ]);
    if ((cats?.n ?? 0) > 0 || (people?.n ?? 0) > 0) return null;
    const report = await seedCatalog(tx, {
      products: options.products ?? SEED_PRODUCTS_DEFAULT,
      images: options.images,
    });
    await tx.orm.insert(users).values({ id: newId("usr"), role: "admin", ...options.admin });
    await seedPricing(tx);
    return report;
  });
}
