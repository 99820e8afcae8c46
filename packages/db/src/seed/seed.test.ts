import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client.ts";
import { authTables } from "../tables/auth.ts";
import { catalogTables } from "../tables/catalog.ts";
import { pricingTables } from "../tables/pricing.ts";
import { createTestDb } from "../testing/index.ts";
import { folderImageStore, generateCatalog, seedCatalog, seedIfEmpty } from "./index.ts";

describe("generateCatalog", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const shape = (catalog: ReturnType<typeof generateCatalog>) =>
    catalog.products.map(({ slug, description, priceCents, variants, status, createdAt }) => ({
      slug,
      description,
      priceCents,
      variants: variants.map(({ id: _, ...variant }) => variant),
      status,
      createdAt,
    }));

  it("draws each kind of furniture as what it is: tables, desks, bookshelves and benches are not chairs", () => {
    const { products } = generateCatalog({ products: 1000, now });
    const drawn = (noun: string | RegExp) =>
      new Set(products.filter((p) => p.name.match(noun)).map((p) => p.image.glyph));
    expect(drawn("Coffee Table")).toEqual(new Set(["table"]));
    expect(drawn("Writing Desk")).toEqual(new Set(["desk"]));
    expect(drawn(/Bookshelf(?! Speakers)/)).toEqual(new Set(["bookshelf"]));
    expect(drawn("Dining Chair")).toEqual(new Set(["chair"]));
  });

  it("makes the same catalog from the same seed, and another from another", () => {
    expect(shape(generateCatalog({ products: 200, now }))).toEqual(shape(generateCatalog({ products: 200, now })));
    expect(shape(generateCatalog({ products: 200, now, seed: 7 }))).not.toEqual(
      shape(generateCatalog({ products: 200, now })),
    );
  });

  it("makes a realistic catalog: two levels, unique slugs, real prices, some sold out", () => {
    const { categories, products } = generateCatalog({ products: 1000, now });
    const roots = categories.filter((c) => c.parentId === null);
    const leaves = categories.filter((c) => c.parentId !== null);
    expect(leaves.length).toBeGreaterThanOrEqual(10);
    expect(leaves.every((leaf) => roots.some((root) => root.id === leaf.parentId))).toBe(true);
    expect(new Set(leaves.map((leaf) => leaf.id))).toEqual(new Set(products.map((p) => p.categoryId)));
    expect(new Set(products.map((p) => p.slug)).size).toBe(1000);
    expect(products.every((p) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.slug))).toBe(true);
    expect(products.every((p) => Number.isInteger(p.priceCents) && p.priceCents > 0)).toBe(true);
    const soldOut = products.filter((p) => p.variants.every((v) => v.stock === 0)).length;
    expect(soldOut).toBeGreaterThan(20);
    expect(soldOut).toBeLessThan(200);
  });

  it("sells apparel and furniture in sizes, colours, finishes and upholstery, each value with a variant", () => {
    const { categories, products } = generateCatalog({ products: 1000, now });
    const leafOf = new Map(categories.map((c) => [c.id, c.slug]));
    const varied = products.filter((p) => p.options.length > 0);
    expect(varied.length).toBeGreaterThanOrEqual(150);
    expect(new Set(varied.map((p) => leafOf.get(p.categoryId)))).toEqual(
      new Set(["shirts", "jackets", "footwear", "knitwear", "furniture"]),
    );
    const counts = varied.map((p) => p.variants.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeGreaterThan(24);
    expect(Math.max(...counts)).toBeLessThanOrEqual(40);
    const optionNames = new Set(varied.flatMap((p) => p.options.map((o) => o.name)));
    expect(optionNames).toEqual(new Set(["Colour", "Size", "Finish", "Upholstery"]));
    const shirtSizes = new Set(
      varied.filter((p) => /\bShirt\b/.test(p.name)).flatMap((p) => p.options[1]?.values ?? []),
    );
    expect(shirtSizes).toEqual(new Set(["XS", "S", "M", "L", "XL", "XXL"]));
    for (const product of varied) {
      // Every value offered is some variant's, and every variant names one value of each option.
      for (const option of product.options) {
        for (const value of option.values)
          expect(product.variants.some((v) => v.options[option.name] === value)).toBe(true);
      }
      for (const variant of product.variants) {
        expect(Object.keys(variant.options)).toEqual(product.options.map((o) => o.name));
      }
      const prices = product.variants.map((v) => v.priceCents);
      expect([product.priceCents, product.maxPriceCents]).toEqual([Math.min(...prices), Math.max(...prices)]);
      for (const value of product.options[0]!.values) expect(product.optionValues).toContain(value);
    }
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    // A bigger table costs more.
    const table = varied.find((p) => p.options[1]?.name === "Size" && /Table/.test(p.name))!;
    expect(table.maxPriceCents).toBeGreaterThan(table.priceCents);
  });
});

describe("seedIfEmpty", () => {
  let db: Db;
  let mediaDir: string;
  const admin = { email: "admin@shopwright.test", name: "Admin", passwordHash: "$argon2id$placeholder" };

  beforeAll(async () => {
    db = await createTestDb();
    mediaDir = mkdtempSync(join(tmpdir(), "seed-"));
  });

  afterAll(async () => {
    await db.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("seeds an empty database once: the catalog, an image file per product, the admin, shipping, taxes, a code", async () => {
    const report = await seedIfEmpty(db, { images: folderImageStore(mediaDir), admin, products: 40 });
    expect(report).toMatchObject({ products: 40 });

    const { products, productImages } = catalogTables(db);
    const { users } = authTables(db);
    const rows = await db.orm
      .select({ slug: products.slug, key: productImages.key, width: productImages.width, alt: productImages.alt })
      .from(products)
      .innerJoin(productImages, eq(productImages.productId, products.id))
      .orderBy(asc(products.slug));
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row).toMatchObject({ key: `seed/${row.slug}.svg`, width: 640 });
      expect(row.alt).not.toBe("");
      expect(readFileSync(join(mediaDir, "seed", `${row.slug}.svg`), "utf8")).toMatch(/^<svg [^>]*role="img"/);
    }
    const people = await db.orm.select({ email: users.email, role: users.role, hash: users.passwordHash }).from(users);
    expect(people).toEqual([{ email: admin.email, role: "admin", hash: admin.passwordHash }]);
    const { shippingZoneCountries, taxRates, discountCodes } = pricingTables(db);
    const zoned = await db.orm.select({ country: shippingZoneCountries.country }).from(shippingZoneCountries);
    expect(zoned.map((row) => row.country)).toEqual(expect.arrayContaining(["US", "GB", "DE"]));
    expect(await db.orm.select({ region: taxRates.region, ratePpm: taxRates.ratePpm }).from(taxRates)).toContainEqual({
      region: "NY",
      ratePpm: 88_750,
    });
    expect(await db.orm.select({ code: discountCodes.code }).from(discountCodes)).toEqual([{ code: "SPRING10" }]);

    expect(
      await seedIfEmpty(db, {
        images: folderImageStore(mediaDir),
        admin: { ...admin, email: "other@shopwright.test" },
      }),
    ).toBeNull();
    await expect(seedCatalog(db, { images: folderImageStore(mediaDir), products: 5 })).rejects.toThrow(/not empty/);
    expect(await db.orm.select({ id: products.id }).from(products)).toHaveLength(40);
    expect(existsSync(join(mediaDir, "seed"))).toBe(true);
  });
});
