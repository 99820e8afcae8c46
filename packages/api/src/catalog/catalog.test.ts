import { type Db, newId } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "../testing/fixtures.ts";
import { guestCaller } from "../testing/index.ts";

let db: Db;
let catalog: ReturnType<typeof guestCaller>["catalog"];
const category: Record<string, string> = {};
const product: Record<string, string> = {};

const DAY = 86_400_000;
const epoch = Date.UTC(2026, 0, 1);

async function addCategory(slug: string, name: string, parent: string | null, position = 0) {
  const id = newId("cat");
  await db.orm
    .insert(catalogTables(db).categories)
    .values({ id, slug, name, parentId: parent && category[parent], position });
  category[slug] = id;
}

async function addProduct(
  key: string,
  fields: { name: string; description?: string; priceCents: number; stock?: number; category: string; day: number },
  options: { archived?: boolean; images?: number } = {},
) {
  const createdAt = new Date(epoch + fields.day * DAY);
  const { id } = await createProduct(db, {
    slug: key,
    name: fields.name,
    description: fields.description ?? "A fine thing for everyday use.",
    priceCents: fields.priceCents,
    stock: fields.stock ?? 5,
    status: options.archived ? "archived" : "active",
    categoryId: category[fields.category]!,
    createdAt,
  });
  // Inserted out of order on purpose: display order comes from `position`.
  for (const position of Array.from({ length: options.images ?? 1 }, (_, i) => i).reverse()) {
    await db.orm.insert(catalogTables(db).productImages).values({
      id: newId("pimg"),
      productId: id,
      key: `seed/${key}-${position}.svg`,
      width: 640,
      height: 640,
      alt: `${fields.name} view ${position + 1}`,
      position,
    });
  }
  product[key] = id;
}

const names = (result: { items: { slug: string }[] }) => result.items.map((item) => item.slug);

beforeAll(async () => {
  db = await createTestDb();
  catalog = guestCaller(db).catalog;
  await addCategory("audio", "Audio", null, 1);
  await addCategory("home", "Home", null, 0);
  await addCategory("lighting", "Lighting", "home", 0);
  await addCategory("outdoor-lighting", "Outdoor Lighting", "lighting");
  await addCategory("furniture", "Furniture", "home", 1);
  await addCategory("headphones", "Headphones", "audio");

  await addProduct(
    "brass-desk-lamp",
    { name: "Brass Desk Lamp", priceCents: 8900, category: "lighting", day: 3, description: "Warm light." },
    { images: 3 },
  );
  await addProduct("garden-lamp", {
    name: "Solar Garden Lamp",
    priceCents: 2500,
    category: "outdoor-lighting",
    day: 5,
  });
  await addProduct("oak-bookshelf", {
    name: "Oak Bookshelf",
    priceCents: 19900,
    category: "furniture",
    day: 1,
    description: "Tall shelves with room for a lamp on top.",
  });
  await addProduct("walnut-side-table", {
    name: "Walnut Side Table",
    priceCents: 8900,
    stock: 0,
    category: "furniture",
    day: 2,
  });
  await addProduct("wireless-headphones", {
    name: "Wireless Headphones",
    priceCents: 14900,
    category: "headphones",
    day: 4,
    description: "Noise cancelling, 30 hours of battery.",
  });
  await addProduct("studio-monitors", {
    name: "Studio Monitors",
    priceCents: 24900,
    category: "headphones",
    day: 0,
    description: "Closed-back cans for mixing; the headband is padded.",
  });
  await addProduct(
    "retired-lamp",
    { name: "Retired Lamp", priceCents: 5000, category: "lighting", day: 6 },
    { archived: true },
  );
});

afterAll(() => db.close());

describe("catalog.categories", () => {
  it("returns the tree, roots and children in their chosen order", async () => {
    const tree = await catalog.categories();
    const shape = (nodes: typeof tree): unknown[] => nodes.map((n) => ({ [n.slug]: shape(n.children) }));
    expect(shape(tree)).toEqual([
      { home: [{ lighting: [{ "outdoor-lighting": [] }] }, { furniture: [] }] },
      { audio: [{ headphones: [] }] },
    ]);
    expect(tree[0]).toMatchObject({ id: category.home, slug: "home", name: "Home" });
  });
});

describe("catalog.search filters", () => {
  it("filters by a category and every category below it", async () => {
    expect(names(await catalog.search({ categorySlug: "home", sort: "price_asc" }))).toEqual([
      "garden-lamp",
      "brass-desk-lamp",
      "walnut-side-table",
      "oak-bookshelf",
    ]);
    expect(names(await catalog.search({ categorySlug: "lighting", sort: "price_asc" }))).toEqual([
      "garden-lamp",
      "brass-desk-lamp",
    ]);
    expect(names(await catalog.search({ categorySlug: "outdoor-lighting" }))).toEqual(["garden-lamp"]);
  });

  it("answers NOT_FOUND for an unknown category", async () => {
    await expect(catalog.search({ categorySlug: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters by price range, bounds included, and by stock", async () => {
    const result = await catalog.search({ minPriceCents: 8900, maxPriceCents: 14900, sort: "price_asc" });
    expect(names(result)).toEqual(["brass-desk-lamp", "walnut-side-table", "wireless-headphones"]);
    expect(result.total).toBe(3);
    const inStock = await catalog.search({
      minPriceCents: 8900,
      maxPriceCents: 14900,
      inStock: true,
      sort: "price_asc",
    });
    expect(names(inStock)).toEqual(["brass-desk-lamp", "wireless-headphones"]);
    expect(inStock.items.every((item) => item.inStock && item.stock > 0)).toBe(true);
  });

  it("rejects a minimum price above the maximum", async () => {
    await expect(catalog.search({ minPriceCents: 500, maxPriceCents: 100 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("combines text with filters", async () => {
    expect(names(await catalog.search({ q: "lamp", categorySlug: "outdoor-lighting" }))).toEqual(["garden-lamp"]);
    expect(names(await catalog.search({ q: "lamp", maxPriceCents: 3000 }))).toEqual(["garden-lamp"]);
  });
});

describe("catalog.search sorts", () => {
  it("lists the newest first when there is no text, whatever sort asked for relevance", async () => {
    const newest = ["garden-lamp", "wireless-headphones", "brass-desk-lamp", "walnut-side-table", "oak-bookshelf"];
    expect(names(await catalog.search({}))).toEqual([...newest, "studio-monitors"]);
    expect(names(await catalog.search({ sort: "relevance" }))).toEqual([...newest, "studio-monitors"]);
    expect(names(await catalog.search({ sort: "newest" }))).toEqual([...newest, "studio-monitors"]);
  });

  it("sorts by price both ways, breaking ties by id", async () => {
    const [lamp, table] = [product["brass-desk-lamp"]!, product["walnut-side-table"]!];
    const tied = lamp < table ? ["brass-desk-lamp", "walnut-side-table"] : ["walnut-side-table", "brass-desk-lamp"];
    expect(names(await catalog.search({ sort: "price_asc" }))).toEqual([
      "garden-lamp",
      ...tied,
      "wireless-headphones",
      "oak-bookshelf",
      "studio-monitors",
    ]);
    expect(names(await catalog.search({ sort: "price_desc" }))).toEqual([
      "studio-monitors",
      "oak-bookshelf",
      "wireless-headphones",
      ...tied.toReversed(),
      "garden-lamp",
    ]);
  });

  it("ranks a name match above a description-only match", async () => {
    const result = await catalog.search({ q: "lamp" });
    expect(result.total).toBe(3);
    expect(names(result).at(-1)).toBe("oak-bookshelf");
    expect(names(result).slice(0, 2).sort()).toEqual(["brass-desk-lamp", "garden-lamp"]);
  });

  it("honours an explicit sort with text", async () => {
    expect(names(await catalog.search({ q: "lamp", sort: "price_desc" }))).toEqual([
      "oak-bookshelf",
      "brass-desk-lamp",
      "garden-lamp",
    ]);
  });
});

describe("catalog.search text", () => {
  it("matches a half-typed last word as a prefix", async () => {
    expect(names(await catalog.search({ q: "wireless head" }))).toEqual(["wireless-headphones"]);
    expect(names(await catalog.search({ q: "headphones" }))).toEqual(["wireless-headphones"]);
    // The headband is only in a description, so it ranks below the name match.
    expect(names(await catalog.search({ q: "head" }))).toEqual(["wireless-headphones", "studio-monitors"]);
  });

  it("reads a one-letter last word as a prefix while it is typed", async () => {
    expect(names(await catalog.search({ q: "wireless h" }))).toEqual(["wireless-headphones"]);
    expect(names(await catalog.search({ q: "desk l" }))).toEqual(["brass-desk-lamp"]);
  });

  it("reads a word followed by a space as finished, and a misspelt one as the closest name word", async () => {
    expect(names(await catalog.search({ q: "brass " }))).toEqual(["brass-desk-lamp"]);
    const misspelt = await catalog.search({ q: "bras " });
    expect(names(misspelt)).toEqual(["brass-desk-lamp"]);
    expect(misspelt.correctedQuery).toBe("brass");
  });

  it("ignores case and word forms", async () => {
    expect(names(await catalog.search({ q: "DESK LAMPS" }))).toEqual(["brass-desk-lamp"]);
  });

  it("answers hostile and odd text sensibly, never with a server error", async () => {
    const inputs = [
      "",
      "   ",
      "!!!",
      "'\"*():-&|<>^~",
      "'; DROP TABLE products; --",
      "lamp' OR 1=1 --",
      '"unbalanced quote lamp',
      "lamp NEAR(a b) OR NOT x*",
      "-lamp",
      "a:* & !b",
      "💡 lamp",
      "x".repeat(1000),
      "lamp ".repeat(200),
      "lmap ".repeat(200),
      "\u0001\u001f\u007f lamp\r\n\t",
      "ﬁ Ｌａｍｐ ß İ",
      "🧑‍🚀🏳️‍🌈",
      "\\ % _ $1 $(x) {{x}}",
    ];
    for (const q of inputs) {
      const result = await catalog.search({ q });
      expect(result.items.length).toBeLessThanOrEqual(result.total);
      expect(result.items.every((item) => item.slug !== "retired-lamp")).toBe(true);
    }
    // No letters or digits is no text at all: the whole catalog.
    expect((await catalog.search({ q: "!!!" })).total).toBe(6);
    expect(names(await catalog.search({ q: "💡 lamp" }))).toContain("brass-desk-lamp");
  });

  it("rejects text over 1,000 characters, and a NUL byte", async () => {
    await expect(catalog.search({ q: "x".repeat(1001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(catalog.search({ q: "\u0000lamp" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("catalog.search pages", () => {
  it("pages with a total, and past the end gives an empty page with the same total", async () => {
    const first = await catalog.search({ sort: "price_asc", pageSize: 4 });
    const second = await catalog.search({ sort: "price_asc", pageSize: 4, page: 2 });
    expect([first.total, second.total]).toEqual([6, 6]);
    expect([first.items.length, second.items.length]).toEqual([4, 2]);
    expect(second).toMatchObject({ page: 2, pageSize: 4 });
    const beyond = await catalog.search({ sort: "price_asc", pageSize: 4, page: 99 });
    expect(beyond).toEqual({ items: [], total: 6, page: 99, pageSize: 4, correctedQuery: null });
  });

  it("caps pageSize at 100", async () => {
    expect((await catalog.search({ pageSize: 100 })).pageSize).toBe(100);
    await expect(catalog.search({ pageSize: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(catalog.search({ page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives each item its thumbnail (the first image) and category", async () => {
    const [lamp] = (await catalog.search({ q: "brass" })).items;
    expect(lamp).toEqual({
      id: product["brass-desk-lamp"],
      slug: "brass-desk-lamp",
      name: "Brass Desk Lamp",
      priceCents: 8900,
      maxPriceCents: 8900,
      stock: 5,
      inStock: true,
      thumbnail: {
        url: "/media/seed/brass-desk-lamp-0.svg",
        alt: "Brass Desk Lamp view 1",
        width: 640,
        height: 640,
        srcset: null,
        sources: [],
        variantId: null,
      },
      category: { slug: "lighting", name: "Lighting" },
    });
  });
});

describe("archived products", () => {
  it("never appear in search", async () => {
    for (const input of [{}, { q: "retired" }, { categorySlug: "lighting" }]) {
      expect(names(await catalog.search(input))).not.toContain("retired-lamp");
    }
    expect((await catalog.search({ q: "retired" })).total).toBe(0);
  });

  it("are NOT_FOUND on their product page", async () => {
    await expect(catalog.product({ slug: "retired-lamp" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("catalog.product", () => {
  it("returns the product with its images in order and its category path", async () => {
    const lamp = await catalog.product({ slug: "garden-lamp" });
    expect(lamp).toMatchObject({
      id: product["garden-lamp"],
      name: "Solar Garden Lamp",
      priceCents: 2500,
      stock: 5,
      inStock: true,
      category: { id: category["outdoor-lighting"], slug: "outdoor-lighting", name: "Outdoor Lighting" },
      categoryPath: [
        { id: category.home, slug: "home", name: "Home" },
        { id: category.lighting, slug: "lighting", name: "Lighting" },
        { id: category["outdoor-lighting"], slug: "outdoor-lighting", name: "Outdoor Lighting" },
      ],
    });
    const desk = await catalog.product({ slug: "brass-desk-lamp" });
    expect(desk.images.map((image) => image.url)).toEqual([
      "/media/seed/brass-desk-lamp-0.svg",
      "/media/seed/brass-desk-lamp-1.svg",
      "/media/seed/brass-desk-lamp-2.svg",
    ]);
    expect(desk.description).toBe("Warm light.");
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    await expect(catalog.product({ slug: "no-such-thing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
