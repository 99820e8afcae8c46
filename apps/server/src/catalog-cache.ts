/**
 * The public catalog reads (`catalog.search`, `catalog.product`, `catalog.categories`) answered
 * from memory before tRPC runs, and made cacheable by browsers and CDNs.
 *
 * - **Key**: the procedures and their inputs parsed by the procedures' own schemas (defaults
 *   filled in, so `{}` and `{ page: 1 }` are one entry), plus the catalog version. Their answers
 *   depend on nothing else — not on the caller's token or cookies — so no header can make one
 *   client's answer another's; a request for another format (`trpc-accept`) or any other
 *   procedure in the batch is passed through, and only a plain 200 JSON answer without cookies
 *   is kept.
 * - **Freshness**: every catalog write moves the version in its own transaction, and each request
 *   reads the version (shared reads, see latest-version.ts), so an edit shows at the next request
 *   on every process. With a read replica, the answer is read at that version or a later one
 *   (catalog-reads.ts), never an earlier one. Stock moves with each order without moving the version. Listings
 *   (`catalog.search`) may show stock up to `ttlMs` old, the entries' lifetime. A product page
 *   shows live stock: `catalog.product` is also keyed by the product's stock, read on every
 *   request (one indexed row), so a sale turns its cached page into a miss.
 * - **Size**: an LRU bounded by the bytes of the bodies it holds (`maxBytes`; 0 turns the memory
 *   cache off but keeps the HTTP headers).
 * - **HTTP**: a strong ETag (hash of the body) and 304 for a matching `If-None-Match`. Listings
 *   let shared caches keep an answer as long as the memory cache would and serve it stale while
 *   revalidating; a product page must be revalidated every time (`no-cache`), cheaply by its ETag.
 */
import { createHash } from "node:crypto";
import { cacheableCatalogQueries } from "@shopwright/api/server";
import type { Context, MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";
import superjson from "superjson";
import type { z } from "zod";
import { procedures } from "./request-guards.ts";

/** How long a cached answer may stand: listings and product pages show stock at most this old. */
export const CATALOG_STOCK_LAG_MS = 5_000;

export interface CatalogCacheOptions {
  /** The most body bytes held in memory; 0 keeps nothing (the HTTP headers still apply). */
  maxBytes: number;
  /** How long an entry may answer: the most a cached stock figure lags. */
  ttlMs: number;
  /** The committed catalog version, as a shared read (latest-version.ts). */
  version: () => Promise<number>;
  /** A product's stock now, each variant's (null: not for sale); any JSON the key can hold. */
  readStock: (slug: string) => Promise<unknown>;
}

interface Entry {
  body: string;
  etag: string;
}

type Procedure = keyof typeof cacheableCatalogQueries;
const isCacheable = (path: string): path is Procedure => Object.hasOwn(cacheableCatalogQueries, path);

type Read = { [P in Procedure]: [P, z.output<(typeof cacheableCatalogQueries)[P]>] }[Procedure];

/** The request's procedures with their parsed inputs, or null when it is not a cacheable read. */
export function cacheableReads(c: Context): Read[] | null {
  if (c.req.method !== "GET" || c.req.header("trpc-accept") !== undefined) return null;
  const batch = c.req.query("batch") === "1";
  const raw = c.req.query("input");
  try {
    const paths = procedures(c.req.path);
    if (paths.length === 0 || !paths.every(isCacheable)) return null;
    const encoded: unknown = raw === undefined ? undefined : JSON.parse(raw);
    return paths.map((path, i) => {
      const one = batch ? (encoded as Record<string, unknown> | undefined)?.[String(i)] : encoded;
      const value =
        one === undefined ? undefined : superjson.deserialize(one as Parameters<typeof superjson.deserialize>[0]);
      return [path, cacheableCatalogQueries[path].parse(value)] as Read;
    });
  } catch {
    // Input tRPC will reject: let it say why, uncached.
    return null;
  }
}

const strongEtag = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/** If-None-Match matches (weak comparison, as RFC 9110 asks for GET). */
function notModified(c: Context, etag: string): boolean {
  const header = c.req.header("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

export function catalogCache(options: CatalogCacheOptions): MiddlewareHandler {
  const cache =
    options.maxBytes > 0
      ? new LRUCache<string, Entry>({
          maxSize: options.maxBytes,
          sizeCalculation: (entry, key) => entry.body.length + key.length,
          ttl: options.ttlMs,
        })
      : null;
  const { version } = options;
  const seconds = Math.max(1, Math.round(options.ttlMs / 1000));
  const listing = `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds * 6}`;

  const answer = (c: Context, entry: Entry, live: boolean, state: "hit" | "miss" | "off") => {
    const headers = { etag: entry.etag, "cache-control": live ? "public, no-cache" : listing, "x-cache": state };
    if (notModified(c, entry.etag)) return c.body(null, 304, headers);
    return c.body(entry.body, 200, { ...headers, "content-type": "application/json" });
  };

  /** What besides the input an answer depends on: the catalog version, and a product's stock. */
  const freshness = async (reads: Read[]) =>
    Promise.all([
      version(),
      ...reads.flatMap(([path, input]) => (path === "catalog.product" ? [options.readStock(input.slug)] : [])),
    ]);

  return async (c, next) => {
    const reads = cacheableReads(c);
    if (reads === null) return next();
    const live = reads.some(([path]) => path === "catalog.product");
    let key: string | null = null;
    if (cache) {
      try {
        key = JSON.stringify([c.req.query("batch") === "1", reads, await freshness(reads)]);
      } catch {
        // No version, no safe cache: tRPC answers (and reports the database's trouble).
        return next();
      }
      const hit = cache.get(key);
      if (hit) return answer(c, hit, live, "hit");
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has("set-cookie")) return;
    if (!res.headers.get("content-type")?.startsWith("application/json")) return;
    const body = await res.text();
    const entry = { body, etag: strongEtag(body) };
    if (cache && key !== null) cache.set(key, entry);
    // Hono carries the tRPC answer's other headers (request id, CORS) over to this one.
    c.res = answer(c, entry, live, cache ? "miss" : "off");
  };
}
