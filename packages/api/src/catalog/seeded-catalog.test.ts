import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { guestCaller } from "../testing/index.ts";
import { seededCatalog } from "../testing/seeded-catalog.ts";

let seeded: Awaited<ReturnType<typeof seededCatalog>>;
let catalog: ReturnType<typeof guestCaller>["catalog"];
type SearchInput = Parameters<typeof catalog.search>[0];
type Item = Awaited<ReturnType<typeof catalog.search>>["items"][number];

beforeAll(async () => {
  seeded = await seededCatalog(300);
  catalog = seeded.catalog;
});

afterAll(() => seeded.close());

/** Every item of a search, page by page, checking that each page reports the same total. */
async function walk(input: SearchInput, pageSize: number): Promise<{ items: Item[]; total: number }> {
  const first = await catalog.search({ ...input, pageSize, page: 1 });
  const items = [...first.items];
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const next = await catalog.search({ ...input, pageSize, page });
    expect(next.total).toBe(first.total);
    items.push(...next.items);
  }
  return { items, total: first.total };
}

describe("pagination over the whole seeded catalog", () => {
  const cases: [string, SearchInput][] = [
    ["newest", { sort: "newest" }],
    ["price ascending", { sort: "price_asc" }],
    ["price descending, in stock, in a parent category", { sort: "price_desc", inStock: true, categorySlug: "home" }],
    ["price descending, in a price range", { sort: "price_desc", minPriceCents: 5_000, maxPriceCents: 60_000 }],
    ["relevance for text", { q: "lamp" }],
    ["relevance for a prefix", { q: "li" }],
  ];
  it.each(cases)("%s: every product exactly once, in the same order as one big page", async (_, input) => {
    const small = await walk(input, 11);
    const large = await walk(input, 100);
    const ids = small.items.map((item) => item.id);
    expect(small.total).toBeGreaterThan(0);
    expect(ids).toHaveLength(small.total);
    expect(new Set(ids).size).toBe(small.total);
    expect(ids).toEqual(large.items.map((item) => item.id));
  });

  it("sorts each page walk in the order it promises", async () => {
    const prices = (await walk({ sort: "price_asc" }, 50)).items.map((item) => item.priceCents);
    expect(prices).toEqual(prices.toSorted((a, b) => a - b));
  });
});

describe("searches a shopper would type", () => {
  it('"lamp" finds lamps first', async () => {
    const { items, total } = await catalog.search({ q: "lamp", pageSize: 10 });
    expect(total).toBeGreaterThanOrEqual(10);
    for (const item of items) expect(item.name).toMatch(/\bLamp\b/);
  });

  it('"blue shirt" finds shirts named blue first, then shirts that come in blue', async () => {
    const { items, total } = await catalog.search({ q: "blue shirt", pageSize: 10 });
    expect(total).toBeGreaterThan(0);
    const named = items.findIndex((item) => !/\bBlue\b.*\bShirt\b/.test(item.name));
    expect(named).toBeGreaterThan(0);
    for (const item of items) expect(item.category.slug).toBe("shirts");
    for (const item of items.slice(named)) {
      expect(item.name).not.toMatch(/\bBlue\b/);
      const { variants } = await catalog.product({ slug: item.slug });
      expect(variants.some((v) => v.options.Colour === "Blue" || v.options.Colour === "Sky Blue")).toBe(true);
    }
  });

  it('"head", half-way through typing "headphones", finds headphones', async () => {
    const { items, total } = await catalog.search({ q: "head", pageSize: 10 });
    expect(total).toBeGreaterThanOrEqual(10);
    for (const item of items) expect(item.category.slug).toBe("headphones");
  });
});
