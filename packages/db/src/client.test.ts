import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { isConstraintViolation } from "./errors.ts";
import { newId } from "./ids.ts";
import { jsonRows } from "./json-rows.ts";
import { isMigrated } from "./migrate.ts";
import { authTables } from "./tables/auth.ts";
import { catalogTables } from "./tables/catalog.ts";
import { createTestDb, testDialect } from "./testing/index.ts";

describe(`the ${testDialect()} database seam`, () => {
  let db: Db;
  const categoryId = newId("cat");

  beforeAll(async () => {
    db = await createTestDb();
    await db.orm.insert(catalogTables(db).categories).values({ id: categoryId, slug: "lamps", name: "Lamps" });
  });
  afterAll(() => db.close());

  it("is migrated and starts empty", async () => {
    expect(await isMigrated(db)).toBe(true);
    expect(await db.orm.select().from(authTables(db).users)).toEqual([]);
  });

  it("round-trips dates, JSON and defaults", async () => {
    const { users } = authTables(db);
    const id = newId("usr");
    const address = { name: "Ada", line1: "1 Loop St", city: "Leeds", postalCode: "LS1", country: "GB" };
    await db.orm
      .insert(users)
      .values({ id, email: "ada@example.com", passwordHash: "x", name: "Ada", shippingAddress: address });
    const [row] = await db.orm.select().from(users).where(eq(users.id, id));
    expect(row?.role).toBe("customer");
    expect(row?.shippingAddress).toEqual(address);
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (row?.createdAt.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it("rolls a failed transaction back", async () => {
    const { categories } = catalogTables(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.orm.insert(categories).values({ id: newId("cat"), slug: "rolled-back", name: "Gone" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.orm.select().from(categories).where(eq(categories.slug, "rolled-back"))).toEqual([]);
  });

  it("recognises unique and check violations", async () => {
    const { categories, products } = catalogTables(db);
    const duplicate = db.orm.insert(categories).values({ id: newId("cat"), slug: "lamps", name: "Again" });
    await expect(duplicate).rejects.toSatisfy((e) => isConstraintViolation(e, "unique"));
    const negative = db.orm.insert(products).values({
      id: newId("prod"),
      slug: "bad",
      name: "Bad",
      description: "",
      priceCents: -1,
      maxPriceCents: -1,
      categoryId,
    });
    await expect(negative).rejects.toSatisfy((e) => isConstraintViolation(e, "check"));
  });

  it("recognises a foreign key that refuses a delete (RESTRICT) or an insert", async () => {
    const { categories } = catalogTables(db);
    const parent = newId("cat");
    await db.orm.insert(categories).values({ id: parent, slug: "parent", name: "Parent" });
    await db.orm.insert(categories).values({ id: newId("cat"), slug: "child", name: "Child", parentId: parent });
    const restricted = db.orm.delete(categories).where(eq(categories.id, parent));
    await expect(restricted).rejects.toSatisfy((e) => isConstraintViolation(e, "foreignKey"));
    const orphan = db.orm
      .insert(categories)
      .values({ id: newId("cat"), slug: "orphan", name: "O", parentId: "cat_none" });
    await expect(orphan).rejects.toSatisfy((e) => isConstraintViolation(e, "foreignKey"));
  });

  it("keeps the full-text index current on insert and update", async () => {
    const { products } = catalogTables(db);
    const id = newId("prod");
    await db.orm.insert(products).values({
      id,
      slug: "desk-lamp",
      name: "Brass Desk Lamp",
      description: "Warm light",
      priceCents: 4500,
      maxPriceCents: 4500,
      categoryId,
    });
    await db.orm.update(products).set({ name: "Brass Reading Lamp" }).where(eq(products.id, id));
    const query =
      db.dialect === "sqlite"
        ? sql`select p.slug from products_fts f join products p on p.rowid = f.rowid where products_fts match 'reading'`
        : sql`select slug from products where search_vector @@ to_tsquery('english', 'reading')`;
    expect(await db.execute<{ slug: string }>(query)).toEqual([{ slug: "desk-lamp" }]);
  });

  it("carries child rows in their parent's row, decoded as a plain select decodes them", async () => {
    const { products, productVariants } = catalogTables(db);
    const [withKids, without] = [newId("prod"), newId("prod")];
    const product = { description: "", priceCents: 100, maxPriceCents: 300, categoryId };
    await db.orm.insert(products).values([
      { ...product, id: withKids, slug: "shirt", name: "Shirt" },
      { ...product, id: without, slug: "bare", name: "Bare" },
    ]);
    const variant = (position: number, options: Record<string, string>, priceCents: number) => ({
      id: newId("var"),
      productId: withKids,
      sku: `SHIRT-${position}`,
      options,
      priceCents,
      stock: position,
      position,
    });
    await db.orm.insert(productVariants).values([variant(2, { Size: "L" }, 300), variant(1, { Size: "M" }, 100)]);
    const rows = await db.orm
      .select({
        slug: products.slug,
        variants: jsonRows(
          db,
          { sku: productVariants.sku, options: productVariants.options, createdAt: productVariants.createdAt },
          sql`${productVariants} where ${productVariants.productId} = ${products.id}`,
          sql`${productVariants.position}`,
        ),
      })
      .from(products)
      .where(inArray(products.id, [withKids, without]))
      .orderBy(products.slug);
    expect(rows.map((r) => [r.slug, r.variants.map((v) => [v.sku, v.options])])).toEqual([
      ["bare", []],
      [
        "shirt",
        [
          ["SHIRT-1", { Size: "M" }],
          ["SHIRT-2", { Size: "L" }],
        ],
      ],
    ]);
    const createdAt = rows[1]!.variants[0]!.createdAt;
    expect(createdAt).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - createdAt.getTime())).toBeLessThan(60_000);
  });
});
