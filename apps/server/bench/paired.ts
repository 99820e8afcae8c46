/**
 * Two builds of the server compared under the same noise, for a machine too busy for `pnpm bench`'s
 * sessions to agree with each other: both servers run at once, and each catalog read is driven in
 * 2-second slices that alternate between them (A B, B A, A B …), so whatever else the machine does
 * lands on both. Each slice runs `concurrency` loops of sequential requests; the answer is req/s and
 * p95 per server and after ÷ before.
 *
 *   tsx bench/paired.ts <before-url> <after-url> [seconds per server per scenario, 30] [concurrency, 5]
 *
 * Start each server as `pnpm bench` does (dist/main.js, NODE_ENV=production, CATALOG_CACHE_MB=0,
 * RATE_LIMITS=off, WORKER=off, SEED=off) on a database seeded by its own build (`pnpm seed --
 * --products 10000 --seed 12`), then `VACUUM ANALYZE` both. Slugs come from the before server; the
 * product-variants read (only the after build has variants) runs on the after server alone.
 */
const [urlBefore, urlAfter, secondsArg = "30", concurrencyArg = "5"] = process.argv.slice(2);
if (!urlBefore || !urlAfter)
  throw new Error("Usage: tsx bench/paired.ts <before-url> <after-url> [seconds] [concurrency]");
const seconds = Number(secondsArg);
const concurrency = Number(concurrencyArg);
const SLICE_MS = 2_000;
/** The search words the bench's seed 12 at 10,000 products gives (see `catalogFacts`). */
const COMMON_WORD = "black";
const FILTER_WORD = "chair";
const CATEGORIES = ["home", "lighting", "furniture", "kitchen", "audio", "apparel", "shirts", "outdoors", "office"];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const query = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function get(base: string, path: string): Promise<unknown> {
  const response = await fetch(base + path);
  const body = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${path}: ${body.slice(0, 200)}`);
  return (JSON.parse(body) as { result: { data: { json: unknown } } }).result.data.json;
}

interface Tally {
  latencies: number[];
  errors: number;
  ms: number;
}

async function slice(base: string, next: () => string, ms: number, tally: Tally) {
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          await get(base, next());
          tally.latencies.push(performance.now() - started);
        } catch {
          tally.errors++;
        }
      }
    }),
  );
  tally.ms += ms;
}

const summary = ({ latencies, errors, ms }: Tally) => {
  const sorted = latencies.toSorted((a, b) => a - b);
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
  return { reqPerSecond: (latencies.length / ms) * 1000, p95, errors };
};

const slugs: string[] = [];
for (let page = 1; page <= 20; page++) {
  const { items } = (await get(urlBefore, query("catalog.search", { page, pageSize: 100 }))) as {
    items: { slug: string }[];
  };
  slugs.push(...items.map((item) => item.slug));
}
const variantSlugs: string[] = [];
for (const slug of slugs.slice(0, 400)) {
  const product = (await get(urlAfter, query("catalog.product", { slug }))) as { options?: unknown[] };
  if ((product.options ?? []).length > 0) variantSlugs.push(slug);
}

const scenarios: [string, () => string, boolean][] = [
  ["search-all", () => query("catalog.search", { page: between(1, 20), pageSize: 24 }), true],
  ["search-word", () => query("catalog.search", { q: COMMON_WORD, page: between(1, 3), pageSize: 24 }), true],
  // "black" is also a colour, so the build with variants finds more products for it (1,552 against
  // 968); "chair" is in no option value and finds the same 296 in both: the search itself compared.
  ["search-same-matches", () => query("catalog.search", { q: FILTER_WORD, page: between(1, 3), pageSize: 24 }), true],
  [
    "search-filtered",
    () =>
      query("catalog.search", {
        q: FILTER_WORD,
        categorySlug: pick(CATEGORIES),
        minPriceCents: 500,
        maxPriceCents: 50_000,
        inStock: true,
        sort: "price_asc",
        pageSize: 24,
      }),
    true,
  ],
  ["product", () => query("catalog.product", { slug: pick(slugs) }), true],
  ["product-variants", () => query("catalog.product", { slug: pick(variantSlugs) }), false],
];

console.log("| scenario | before req/s | before p95 ms | after req/s | after p95 ms | after ÷ before |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name, next, both] of scenarios) {
  const servers = both ? [urlBefore, urlAfter] : [urlAfter];
  const tallies = servers.map((): Tally => ({ latencies: [], errors: 0, ms: 0 }));
  for (const base of servers) await slice(base, next, 1_000, { latencies: [], errors: 0, ms: 0 });
  for (let i = 0; i < Math.round((seconds * 1_000) / SLICE_MS); i++) {
    const order = i % 2 === 0 ? servers.keys() : [...servers.keys()].reverse();
    for (const s of order) await slice(servers[s]!, next, SLICE_MS, tallies[s]!);
  }
  const [first, second] = tallies.map(summary);
  const [before, after] = second ? [first, second] : [undefined, first!];
  const cell = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(1));
  const errors = tallies.reduce((sum, t) => sum + t.errors, 0);
  console.log(
    `| ${name} | ${cell(before?.reqPerSecond)} | ${cell(before?.p95)} | ${cell(after.reqPerSecond)} | ${cell(after.p95)} | ${before ? `${(after.reqPerSecond / before.reqPerSecond).toFixed(2)}×` : "–"} |${errors > 0 ? ` ${errors} errors` : ""}`,
  );
}
