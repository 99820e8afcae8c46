/**
 * Search engines in the database: ILIKE '%word%' (no index can help a leading wildcard, so every
 * row is read), tsvector with a GIN index (words, stemmed), the shop's own inverted index of the
 * same words (`product_terms`: a B-tree of word → product that search reads without touching the
 * products), and trigrams (pg_trgm: substrings and typos, through a GIN index of its own). Latency
 * and index size at three catalog sizes, and what each finds for a fixed set of queries.
 */
import { guestCaller } from "@shopwright/api/testing";
import type { PostgresDb } from "@shopwright/db";
import { type SQL, sql } from "drizzle-orm";
import { generateCatalog } from "../catalog-data.ts";
import { type Experiment, requireDb } from "../experiment.ts";
import { measure } from "../explain.ts";
import { ms } from "../report.ts";
import { shopConfig } from "../shop.ts";

export const METHODS = ["ILIKE", "tsvector", "terms", "trigram"] as const;
export type Method = (typeof METHODS)[number];

const document = sql`(name || ' ' || description)`;
const words = (q: string) => sql`tsvector_to_array(to_tsvector('english', ${q}))`;
/** The products holding every word of `q`, from `product_terms` alone. */
const termHits = (q: string) => sql`select product_id from product_terms where lexeme = any (${words(q)})
  group by product_id having count(*) = cardinality(${words(q)})`;

/** How each method matches the text `q`. */
const matches: Record<Method, (q: string) => SQL> = {
  // THE WRONG WAY for a search box: the text must appear exactly, as typed.
  ILIKE: (q) => sql`${document} ilike ${`%${q}%`}`,
  tsvector: (q) => sql`search_vector @@ websearch_to_tsquery('english', ${q})`,
  terms: (q) => sql`products.id in (${termHits(q)})`,
  trigram: (q) => sql`${q} <% ${document}`,
};

/** A fixed query set, each with the products a shopper typing it wants (by how names are made). */
export const QUERIES: { q: string; wants: string; relevant: SQL }[] = [
  { q: "lamps", wants: "every lamp (a plural)", relevant: sql`name like '% lamp no.%'` },
  { q: "kettel", wants: "every kettle (a typo)", relevant: sql`name like '% kettle no.%'` },
  { q: "phones", wants: "every pair of headphones (part of a word)", relevant: sql`name like '% headphones no.%'` },
  { q: "lamp oak", wants: "the oak lamps (words in another order)", relevant: sql`name like 'oak lamp no.%'` },
];

export interface SizeFigures {
  products: number;
  /** Server time to count the matches for "kettle", per method. */
  latency: Record<Method, number>;
  indexBytes: { tsvector: number; terms: number; trigram: number };
  /** catalog.search's wall time for the first page of "kettle". */
  shopMs: number;
}

export interface Quality {
  q: string;
  wants: string;
  relevant: number;
  found: Record<Method, { found: number; relevantFound: number }>;
}

/** word_similarity above which a trigram match counts; pg_trgm's default of 0.6 misses one-letter typos. */
const TRIGRAM_THRESHOLD = 0.5;

async function withTrigramThreshold<T>(db: PostgresDb, fn: (tx: PostgresDb) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.run(sql.raw(`set local pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`));
    return fn(tx as PostgresDb);
  });
}

async function catalogOf(db: PostgresDb, products: number): Promise<void> {
  await db.run(sql`drop index if exists products_search_vector_index`);
  await db.run(sql`drop index if exists learn_products_trigram_index`);
  await db.run(sql`delete from products`);
  await generateCatalog(db, products);
  // Built after the bulk insert, as one would load a catalog, with the memory a bulk build wants:
  // far faster than growing them row by row.
  await db.transaction(async (tx) => {
    await tx.run(sql`set local maintenance_work_mem = '256MB'`);
    await tx.run(sql`create index products_search_vector_index on products using gin (search_vector)`);
    await tx.run(sql`create index learn_products_trigram_index on products using gin (${document} gin_trgm_ops)`);
  });
  await db.run(sql`analyze products`);
}

async function sizeFigures(db: PostgresDb, products: number): Promise<SizeFigures> {
  await catalogOf(db, products);
  const latency = {} as Record<Method, number>;
  for (const method of METHODS) {
    // The shop counts from its index alone; asked through products, the planner would read them all.
    const query =
      method === "terms"
        ? sql`select count(*) from (${termHits("kettle")}) as hits`
        : sql`select count(*) from products where ${matches[method]("kettle")}`;
    latency[method] = (await withTrigramThreshold(db, (tx) => measure(tx, query))).ms;
  }
  // product_terms is an index kept as a table: its rows and its primary key both count.
  const [sizes] = await db.execute<{ tsvector: string; terms: string; trigram: string }>(sql`
    select pg_relation_size('products_search_vector_index') as tsvector,
           pg_total_relation_size('product_terms') as terms,
           pg_relation_size('learn_products_trigram_index') as trigram`);
  const started = performance.now();
  await guestCaller(db, { config: shopConfig }).catalog.search({ q: "kettle", pageSize: 24 });
  return {
    products,
    latency,
    indexBytes: { tsvector: Number(sizes!.tsvector), terms: Number(sizes!.terms), trigram: Number(sizes!.trigram) },
    shopMs: performance.now() - started,
  };
}

async function quality(db: PostgresDb): Promise<Quality[]> {
  const out: Quality[] = [];
  for (const { q, wants, relevant } of QUERIES) {
    const found = {} as Quality["found"];
    let relevantCount = 0;
    for (const method of METHODS) {
      const [row] = await withTrigramThreshold(db, (tx) =>
        tx.execute<{ found: number; relevant_found: number; relevant: number }>(sql`
          select count(*) filter (where ${matches[method](q)})::int as found,
                 count(*) filter (where ${matches[method](q)} and ${relevant})::int as relevant_found,
                 count(*) filter (where ${relevant})::int as relevant
          from products`),
      );
      found[method] = { found: row!.found, relevantFound: row!.relevant_found };
      relevantCount = row!.relevant;
    }
    out.push({ q, wants, relevant: relevantCount, found });
  }
  return out;
}

/**
 * Latency at each of `sizes`, and result quality at `qualityAt` (one of them): what a query finds
 * does not depend on the catalog's size, and judging every row is slow at the largest.
 */
export async function runSearchEngines(db: PostgresDb, { sizes, qualityAt }: { sizes: number[]; qualityAt: number }) {
  await db.run(sql`create extension if not exists pg_trgm`);
  const figures: SizeFigures[] = [];
  let judged: Quality[] = [];
  for (const products of sizes) {
    figures.push(await sizeFigures(db, products));
    if (products === qualityAt) judged = await quality(db);
  }
  return { sizes: figures, qualityAt, quality: judged };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;

export const searchEngines: Experiment = {
  name: "search-engines",
  summary:
    "ILIKE vs tsvector/GIN vs the shop's product_terms vs trigram at 1k/10k/100k products: latency, index size, what each finds",
  page: "search.md",
  database: true,
  async run(db) {
    const r = await runSearchEngines(requireDb(db), { sizes: [1_000, 10_000, 100_000], qualityAt: 10_000 });
    const largest = r.sizes.at(-1)!;
    const per = (n: number) => n.toLocaleString("en");
    return {
      title: `search-engines: matching "kettle" (a tenth of the catalog) — server time, median of 3`,
      sections: [
        ...r.sizes.map((s) => ({
          heading: `${s.products.toLocaleString("en")} products`,
          rows: [
            ["ILIKE '%kettle%' (the wrong way: no index)", ms(s.latency.ILIKE)],
            ["tsvector @@ query (GIN index)", `${ms(s.latency.tsvector)}, index ${kib(s.indexBytes.tsvector)}`],
            ["product_terms (the shop's word index)", `${ms(s.latency.terms)}, index ${kib(s.indexBytes.terms)}`],
            ["trigram <% (pg_trgm GIN index)", `${ms(s.latency.trigram)}, index ${kib(s.indexBytes.trigram)}`],
            ["Shopwright: catalog.search, first page, wall time", ms(s.shopMs)],
          ] as [string, string][],
        })),
        {
          heading: `What each finds, of ${per(r.qualityAt)} products (relevant found / all found)`,
          rows: r.quality.map((x): [string, string] => [
            `"${x.q}": wants ${x.relevant.toLocaleString("en")}, ${x.wants}`,
            METHODS.map((m) => `${m} ${x.found[m].relevantFound}/${x.found[m].found}`).join("  "),
          ]),
        },
      ],
      verdict:
        `At ${largest.products.toLocaleString("en")} products ILIKE reads every row (${ms(largest.latency.ILIKE)}) and misses plurals ` +
        "and word order; tsvector and product_terms find words however inflected or ordered; only trigrams forgive typos and parts of words.",
    };
  },
};
