/**
 * The public catalog's response cache over HTTP: repeated reads from memory, ETags and 304s, the
 * bound on its memory, headers that cannot poison it, and an admin's edit visible at the next
 * request on another app instance with its own pool on the same Postgres.
 */
import { createCategory, createProduct, createSignedInUser } from "@shopwright/api/testing";
import { createPostgresDb, type PostgresDb } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, trpcCall, trpcRequest } from "./harness.ts";

const MiB = 1024 * 1024;
let db: PostgresDb & { url: string };
let other: PostgresDb;
let a: Awaited<ReturnType<typeof createTestApp>>["app"];
let b: Awaited<ReturnType<typeof createTestApp>>["app"];
let uncached: Awaited<ReturnType<typeof createTestApp>>["app"];
let lampId: string;

beforeAll(async () => {
  db = await createPostgresTestDb();
  other = createPostgresDb(db.url, { max: 4 });
  const category = await createCategory(db, { slug: "lighting" });
  lampId = (await createProduct(db, { categoryId: category.id, name: "Brass Desk Lamp", slug: "brass-desk-lamp" })).id;
  await createProduct(db, { categoryId: category.id, name: "Oak Bookshelf", slug: "oak-bookshelf" });
  const cache = { maxBytes: 8 * MiB, ttlMs: 60_000 };
  a = (await createTestApp({ db, catalogCache: cache })).app;
  b = (await createTestApp({ db: other, catalogCache: cache })).app;
  uncached = (await createTestApp({ db })).app;
});

afterAll(async () => {
  await other.close();
  await db.close();
});

const search = (app: typeof a, input: unknown, headers: Record<string, string> = {}) =>
  trpcCall<{ items: { name: string }[]; total: number }>(app, "catalog.search", input, { method: "GET", headers });

describe("the catalog response cache", () => {
  it("answers a repeated read from memory, the same inputs after defaults as one entry", async () => {
    const first = await search(a, { q: "lamp", sort: "relevance" });
    const second = await search(a, { q: "lamp", sort: "relevance", page: 1, pageSize: 24 });
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.data).toEqual(first.data);
    expect(second.data?.items.map((item) => item.name)).toEqual(["Brass Desk Lamp"]);
    expect(second.headers.get("x-request-id")).toBeTruthy();
  });

  it("lets shared caches keep listings a few seconds, and revalidate product pages every time", async () => {
    const listing = await search(a, { q: "oak" });
    expect(listing.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=360");
    const product = await trpcRequest(a, "catalog.product", { slug: "oak-bookshelf" }, { method: "GET" });
    expect(product.headers.get("cache-control")).toBe("public, no-cache");
  });

  it("gives a strong ETag, and 304 to a matching If-None-Match", async () => {
    for (const app of [a, uncached]) {
      const res = await trpcRequest(app, "catalog.product", { slug: "brass-desk-lamp" }, { method: "GET" });
      const etag = res.headers.get("etag");
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await trpcRequest(
        app,
        "catalog.product",
        { slug: "brass-desk-lamp" },
        { method: "GET", headers: { "if-none-match": `W/"other", ${etag}` } },
      );
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
    }
  });

  it("shows an admin's edit at the next request on another instance", async () => {
    expect((await search(b, { q: "lamp" })).data?.items[0]?.name).toBe("Brass Desk Lamp");
    expect((await search(b, { q: "lamp" })).headers.get("x-cache")).toBe("hit");
    const admin = await createSignedInUser(db, { role: "admin" });
    const edit = await trpcCall(
      a,
      "admin.products.update",
      { id: lampId, name: "Copper Desk Lamp" },
      bearer(admin.accessToken),
    );
    expect(edit.status).toBe(200);
    const after = await search(b, { q: "lamp" });
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.data?.items[0]?.name).toBe("Copper Desk Lamp");
    const categories = await trpcCall(b, "catalog.categories", undefined, { method: "GET" });
    expect(categories.status).toBe(200);
  });

  it("shows a product page's live stock after a sale, while a listing may keep its figure", async () => {
    const product = () =>
      trpcCall<{ stock: number }>(b, "catalog.product", { slug: "oak-bookshelf" }, { method: "GET" });
    const listed = async () => (await search(b, { q: "oak" })).data?.items[0] as { stock: number } | undefined;
    expect((await product()).data?.stock).toBe(10);
    expect((await product()).headers.get("x-cache")).toBe("hit");
    expect((await listed())?.stock).toBe(10);
    // What a checkout does to stock: no catalog write, no version change.
    const { products, productVariants } = catalogTables(db);
    await db.orm
      .update(productVariants)
      .set({ stock: 7 })
      .where(
        inArray(
          productVariants.productId,
          db.orm.select({ id: products.id }).from(products).where(eq(products.slug, "oak-bookshelf")),
        ),
      );
    const after = await product();
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.data?.stock).toBe(7);
    expect((await listed())?.stock).toBe(10);
  });

  it("gives every caller the same answer and keeps other procedures and formats out", async () => {
    const plain = await search(a, { q: "bookshelf" });
    const withHeaders = await search(a, { q: "bookshelf" }, { authorization: "Bearer nonsense", cookie: "sw_cart=x" });
    expect(withHeaders.data).toEqual(plain.data);
    const batch = await a.request(
      `/trpc/catalog.categories,auth.me?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`,
    );
    expect(batch.headers.get("x-cache")).toBeNull();
    const streamed = await search(a, { q: "bookshelf" }, { "trpc-accept": "application/jsonl" });
    expect(streamed.headers.get("x-cache")).toBeNull();
    const bad = await trpcCall(a, "catalog.search", { pageSize: 1000 }, { method: "GET" });
    expect(bad).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });

  it("holds no more than its size, dropping the least recently used", async () => {
    const { app: small } = await createTestApp({ db, catalogCache: { maxBytes: 3_000, ttlMs: 60_000 } });
    // Each answer holds a product or two, several hundred bytes: twenty of them cannot all fit.
    for (let pageSize = 1; pageSize <= 20; pageSize++) await search(small, { pageSize });
    expect((await search(small, { pageSize: 20 })).headers.get("x-cache")).toBe("hit");
    expect((await search(small, { pageSize: 1 })).headers.get("x-cache")).toBe("miss");
  });
});

describe("catalog.search over HTTP with any text", () => {
  const texts = [
    "x".repeat(1000),
    "\u0001\u001b[31m lamp\r\n",
    "lamp' OR 1=1 --",
    '"unbalanced NEAR(a b) -x a:* & !b',
    "💡🧑‍🚀 lamp",
    "%00%ff\\",
  ];
  it.each(texts.map((q) => [JSON.stringify(q).slice(0, 40), q]))("%s: an answer, never a 500", async (_, q) => {
    const result = await search(a, { q });
    expect(result.status).toBe(200);
    expect(result.data?.total).toBeGreaterThanOrEqual(0);
  });

  it("rejects text over 1,000 characters, a NUL and input that is not JSON as BAD_REQUEST", async () => {
    expect(await search(a, { q: "x".repeat(1001) })).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    // Postgres cannot store a NUL, so every text input refuses it (packages/db/src/text.ts).
    expect(await search(a, { q: "\u0000lamp" })).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    const broken = await a.request("/trpc/catalog.search?input=%7B%22json");
    expect(broken.status).toBe(400);
    const garbled = await a.request("/trpc/catalog.search%E0%A4%A?input=%ZZ");
    expect(garbled.status).toBeLessThan(500);
  });
});

describe("the bench's ceiling procedure", () => {
  it("exists only on a server started for the bench", async () => {
    expect((await trpcCall(a, "bench.ceiling", undefined, { method: "GET" })).code).toBe("NOT_FOUND");
    const { app: bench } = await createTestApp({ db, benchCeiling: true });
    const ceiling = await trpcCall<{ items: unknown[] }>(bench, "bench.ceiling", undefined, { method: "GET" });
    expect(ceiling.data?.items).toHaveLength(24);
  });
});
