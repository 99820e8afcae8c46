/**
 * The bench's database: a fresh one on the Postgres server at BENCH_DATABASE_URL (dropped at the
 * end), else on an embedded Postgres in a temporary folder. Plus the seeding, the fixture the load
 * generator needs, and the checks that prove the load left the data consistent.
 */
import { randomBytes } from "node:crypto";
import { createPostgresDb, type Db, migrate } from "@shopwright/db";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { EDITION_WORD, folderImageStore, seedCatalog, seedPricing } from "@shopwright/db/seed";
import { sql } from "drizzle-orm";

/** Products given this much stock carry the cart and checkout load; no run can sell them out. */
const AMPLE_STOCK = 1_000_000;
const HOT_PRODUCTS = 1_000;

export interface BenchDatabase {
  url: string;
  kind: "postgres" | "embedded" | "replicated";
  db: Db;
  /** The processes doing the database's work: the server's backends for the bench database. */
  processIds(): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * A fresh database `sw_bench_<random>` on `primaryUrl`'s server (a replicated primary, which the
 * caller stops), else BENCH_DATABASE_URL's, else an embedded Postgres started in `dataDir`, as
 * `pnpm start` runs it.
 */
export async function openDatabase(options: {
  dataDir: string;
  keep: boolean;
  primaryUrl?: string;
}): Promise<BenchDatabase> {
  const given = options.primaryUrl ?? process.env.BENCH_DATABASE_URL;
  const embedded = given ? undefined : await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: 200 });
  const serverUrl = given ?? embedded!.url;
  const name = `sw_bench_${randomBytes(5).toString("hex")}`;
  const admin = createPostgresDb(serverUrl, { max: 1 });
  await admin.orm.execute(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Seeding 100,000 products runs statements longer than a web request's limit.
  const db = createPostgresDb(url.toString(), { max: 4, statementTimeoutMs: 0 });
  await migrate(db);
  return {
    url: url.toString(),
    kind: options.primaryUrl ? "replicated" : embedded ? "embedded" : "postgres",
    db,
    async processIds() {
      const backends = await rows<{ pid: number }>(
        admin,
        `select pid from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );
      return backends.map((backend) => Number(backend.pid));
    },
    async close() {
      await db.close();
      if (!options.keep || embedded) await admin.orm.execute(`drop database if exists "${name}" with (force)`);
      else console.log(`Kept the database ${name}`);
      await admin.close();
      await embedded?.stop();
    },
  };
}

function rows<Row extends Record<string, unknown>>(db: Db, query: string): Promise<Row[]> {
  return db.execute<Row>(sql.raw(query));
}

export async function seed(db: Db, products: number, mediaDir: string) {
  const report = await seedCatalog(db, { products, images: folderImageStore(mediaDir), seed: 12 });
  // The shop's starting shipping, tax and SPRING10, as \`pnpm start\` seeds them: without a zone
  // the shop ships nowhere, and checkout would refuse every bench shopper's address.
  await seedPricing(db);
  await db.orm.execute(
    `update product_variants set stock = ${AMPLE_STOCK} where product_id in (select id from products where status = 'active' order by id limit ${HOT_PRODUCTS})`,
  );
  // What autovacuum brings a freshly seeded catalog to within a minute or so: statistics, and the
  // visibility map that lets search read its index alone.
  await db.orm.execute("vacuum analyze");
  return report;
}

export interface CatalogFacts {
  products: number;
  slugs: string[];
  /** Slugs of products with options (sizes, colours, finishes), whose pages list their variants. */
  variantSlugs: string[];
  /** Products given ample stock that have one variant, which a cart takes by product id. */
  hotProductIds: string[];
  /** Variants given ample stock of products with options, which a cart takes only by variant id. */
  hotVariantIds: string[];
  categorySlugs: string[];
  commonWord: string;
  filterWord: string;
  /** How many product names hold each word. */
  wordCounts: { commonWord: number; filterWord: number };
}

/** What the scenarios draw from: real slugs, categories with products, and words to search for. */
export async function catalogFacts(db: Db): Promise<CatalogFacts> {
  const products = await rows<{ slug: string; name: string; varied: boolean }>(
    db,
    "select slug, name, options <> '[]'::jsonb as varied from products where status = 'active'",
  );
  const hot = await rows<{ id: string; product_id: string; varied: boolean }>(
    db,
    `select v.id, v.product_id, p.options <> '[]'::jsonb as varied from product_variants v
      join products p on p.id = v.product_id where v.stock = ${AMPLE_STOCK} order by v.id`,
  );
  const categories = await rows<{ slug: string }>(
    db,
    "select distinct c.slug from categories c join products p on p.category_id = c.id where p.status = 'active' order by c.slug",
  );
  // The generator's edition suffix is shared by most names of a catalog past ~20,000 products, a
  // word no shop's names have in common; searching for it would measure the generator.
  const edition = EDITION_WORD.toLowerCase();
  const counts = new Map<string, number>();
  for (const { name } of products) {
    for (const word of new Set(name.toLowerCase().match(/[a-z]{4,}/g) ?? []))
      if (word !== edition) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // A filter word is one a few percent of products carry: a specific search that still finds pages.
  const target = products.length * 0.03;
  const [filterWord] = [...byFrequency].sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target))[0] ?? [];
  const [commonWord] = byFrequency[0] ?? [];
  if (!commonWord || !filterWord) throw new Error("The catalog has no words to search for");
  return {
    products: products.length,
    slugs: products.map((p) => p.slug),
    variantSlugs: products.filter((p) => p.varied).map((p) => p.slug),
    hotProductIds: hot.filter((v) => !v.varied).map((v) => v.product_id),
    hotVariantIds: hot.filter((v) => v.varied).map((v) => v.id),
    categorySlugs: categories.map((c) => c.slug),
    commonWord,
    filterWord,
    wordCounts: { commonWord: counts.get(commonWord)!, filterWord: counts.get(filterWord)! },
  };
}

export async function clearCarts(db: Db) {
  await db.orm.execute("delete from cart_items");
}

export async function stockSnapshot(db: Db): Promise<Map<string, number>> {
  const all = await rows<{ id: string; stock: number }>(
    db,
    "select product_id as id, sum(stock) as stock from product_variants group by product_id",
  );
  return new Map(all.map((p) => [p.id, Number(p.stock)]));
}

export interface Verification {
  orders: number;
  itemsOrdered: number;
  stockDecrement: number;
  productsWhereStockDisagrees: number;
  negativeStock: number;
  ordersWithoutExactlyOneKey: number;
  keysWithOrder: number;
  ok: boolean;
}

/**
 * Every unit ordered left the stock, no stock went below zero, and every order belongs to exactly
 * one idempotency key (so no key made two orders, and no order escaped its key).
 */
export async function verify(db: Db, before: Map<string, number>): Promise<Verification> {
  const after = await stockSnapshot(db);
  const ordered = await rows<{ product_id: string; quantity: string }>(
    db,
    "select product_id, sum(quantity) as quantity from order_items group by product_id",
  );
  const orderedBy = new Map(ordered.map((o) => [o.product_id, Number(o.quantity)]));
  let stockDecrement = 0;
  let disagreements = 0;
  for (const [id, stock] of before) {
    const decrement = stock - (after.get(id) ?? 0);
    stockDecrement += decrement;
    if (decrement !== (orderedBy.get(id) ?? 0)) disagreements += 1;
  }
  const [counts] = await rows<Record<string, string>>(
    db,
    `select
       (select count(*) from orders) as orders,
       (select coalesce(sum(quantity), 0) from order_items) as items,
       (select count(*) from product_variants where stock < 0) as negative,
       (select count(*) from idempotency_keys where order_id is not null) as keys_with_order,
       (select count(*) from orders o where (select count(*) from idempotency_keys k where k.order_id = o.id) <> 1) as unkeyed`,
  );
  const result = {
    orders: Number(counts!.orders),
    itemsOrdered: Number(counts!.items),
    stockDecrement,
    productsWhereStockDisagrees: disagreements,
    negativeStock: Number(counts!.negative),
    ordersWithoutExactlyOneKey: Number(counts!.unkeyed),
    keysWithOrder: Number(counts!.keys_with_order),
  };
  return {
    ...result,
    ok:
      result.stockDecrement === result.itemsOrdered &&
      disagreements === 0 &&
      result.negativeStock === 0 &&
      result.ordersWithoutExactlyOneKey === 0 &&
      result.keysWithOrder === result.orders,
  };
}
