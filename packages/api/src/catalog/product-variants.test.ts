/** Products with options and variants, as the admin makes and edits them and a shopper buys them. */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, createOrder, createSignedInUser, guestCaller } from "../testing/index.ts";
import { reserveStock } from "./stock.ts";
import { readCatalogVersion } from "./version.ts";

let db: Db;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let categoryId: string;

beforeAll(async () => {
  db = await createTestDb();
  admin = await createSignedInUser(db, { role: "admin" });
  categoryId = (await createCategory(db, { name: "Shirts" })).id;
});
afterAll(() => db.close());

const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Colour", values: ["Sand", "Black"] },
];
let skus = 0;
/** The shirt's variants, one per combination given, each with a fresh SKU. */
const variants = (combinations: [string, string, number?][]) =>
  combinations.map(([size, colour, priceCents]) => ({
    sku: `LS-${size}-${colour}-${++skus}`,
    options: { Size: size, Colour: colour },
    priceCents: priceCents ?? 4_500,
    stock: 5,
  }));
const createShirt = (fields: Partial<Parameters<typeof admin.caller.admin.products.create>[0]> = {}) =>
  admin.caller.admin.products.create({
    name: "Linen Shirt",
    description: "Loose and cool.",
    categoryId,
    options,
    variants: variants([
      ["S", "Sand", 3_900],
      ["M", "Sand"],
      ["M", "Black", 5_200],
    ]),
    ...fields,
  });
const productCount = async () => (await db.orm.select({ n: count() }).from(catalogTables(db).products))[0]!.n;

describe(`products with variants on ${testDialect()}`, () => {
  it("makes a product with its options and variants, its price range from them, and shows it to shoppers", async () => {
    const shirt = await createShirt();
    expect(shirt).toMatchObject({ options, priceCents: 3_900, maxPriceCents: 5_200, stock: 15, variantCount: 3 });
    expect(shirt.variants.map((v) => v.options)).toEqual([
      { Size: "S", Colour: "Sand" },
      { Size: "M", Colour: "Sand" },
      { Size: "M", Colour: "Black" },
    ]);
    const page = await guestCaller(db).catalog.product({ slug: shirt.slug });
    expect(page).toMatchObject({ options, priceCents: 3_900, maxPriceCents: 5_200, stock: 15, inStock: true });
    expect(page.variants.map((v) => [v.sku, v.priceCents, v.inStock])).toEqual(
      shirt.variants.map((v) => [v.sku, v.priceCents, true]),
    );
    const listed = await admin.caller.admin.products.list({ q: shirt.slug });
    expect(listed.items).toEqual([expect.objectContaining({ variantCount: 3, stock: 15 })]);
  });

  it("refuses variants that do not match the options, repeat a combination or a SKU, with the field named, writing nothing", async () => {
    const before = await productCount();
    const refusals = [
      [{ variants: variants([["XL", "Sand"]]) }, "variants.0.options", /XL is not a size/],
      [
        { variants: [{ ...variants([["S", "Sand"]])[0]!, options: { Size: "S" } }] },
        "variants.0.options",
        /Choose a colour/,
      ],
      [
        {
          variants: variants([
            ["S", "Sand"],
            ["S", "Sand"],
          ]),
        },
        "variants.1.options",
        /both Size S · Sand/,
      ],
      [
        {
          variants: variants([
            ["S", "Sand"],
            ["M", "Sand"],
          ]).map((v) => ({ ...v, sku: "SAME-SKU" })),
        },
        "variants.1.sku",
        /both have the SKU SAME-SKU/,
      ],
      [{ options: [], variants: variants([["S", "Sand"]]) }, "variants.0.options", /no option Size, Colour/],
    ] as const;
    for (const [fields, field, message] of refusals) {
      const refused = createShirt(fields as Parameters<typeof createShirt>[0]);
      await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
      await expect(refused).rejects.toMatchObject({ cause: { details: { field } } });
    }
    expect(await productCount()).toBe(before);
  });

  it("refuses a SKU another product has with CONFLICT naming it, and prices of 0 or more than 250 variants as bad input", async () => {
    const taken = await createShirt();
    const before = await productCount();
    const sku = taken.variants[0]!.sku;
    await expect(
      createShirt({ variants: [{ sku, options: { Size: "L", Colour: "Black" }, priceCents: 100, stock: 1 }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `The SKU ${sku} is already used by Linen Shirt`,
      cause: { details: { field: "variants.0.sku" } },
    });
    await expect(createShirt({ variants: variants([["S", "Sand", 0]]) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const many = Array.from({ length: 251 }, (_, i) => ({
      sku: `MANY-${i}`,
      options: { N: String(i) },
      priceCents: 100,
      stock: 1,
    }));
    const numbered = [{ name: "N", values: many.map((v) => v.options.N) }];
    await expect(createShirt({ options: numbered, variants: many })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await productCount()).toBe(before);
  });

  it("edits the list: changes what differs, adds, deletes what nobody ordered and archives what an order holds", async () => {
    const shirt = await createShirt();
    const [small, medium, black] = shirt.variants;
    await createOrder(db, { userId: admin.id, email: admin.email, productId: shirt.id });
    const ordered = small!;
    const updated = await admin.caller.admin.products.update({
      id: shirt.id,
      variants: [
        { id: black!.id, sku: black!.sku, options: black!.options, priceCents: 6_000, stock: 2 },
        { sku: `LS-L-Black-${++skus}`, options: { Size: "L", Colour: "Black" }, priceCents: 4_800, stock: 9 },
      ],
    });
    expect(updated.variants.map((v) => [v.id, v.status])).toEqual([
      [ordered.id, "archived"],
      [black!.id, "active"],
      [expect.any(String), "active"],
    ]);
    expect(updated.variants.some((v) => v.id === medium!.id)).toBe(false);
    expect(updated).toMatchObject({ priceCents: 4_800, maxPriceCents: 6_000, stock: 11 });
    // An archived variant is no longer on the product page, and its order keeps it.
    const page = await guestCaller(db).catalog.product({ slug: shirt.slug });
    expect(page.variants.map((v) => v.id)).not.toContain(ordered.id);
    await expect(
      admin.caller.admin.products.update({
        id: shirt.id,
        variants: [
          { id: "var_elsewhere", sku: "X-1", options: { Size: "S", Colour: "Sand" }, priceCents: 1, stock: 1 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Variant 1 is not one of this product's variants" });
    const paged = await admin.caller.admin.products.variants({ productId: shirt.id, q: "black", pageSize: 1 });
    expect(paged).toMatchObject({ total: 2, items: [{ id: black!.id }] });
  });

  it("keeps what checkouts took when the admin saves rows without stock, and sets a stock the admin sends", async () => {
    const shirt = await createShirt();
    const [small, medium] = shirt.variants;
    // The admin's page loaded these rows; a shopper then buys 2 of M the way checkout does.
    await db.transaction((tx) => reserveStock(tx, [{ variantId: medium!.id, name: "Linen Shirt", quantity: 2 }]));
    const row = ({ stock: _, ...v }: (typeof shirt.variants)[number]) => v;
    const repriced = await admin.caller.admin.products.update({
      id: shirt.id,
      variants: shirt.variants.map((v) => (v.id === small!.id ? { ...row(v), priceCents: 3_500 } : row(v))),
    });
    expect(repriced.variants.map((v) => [v.id, v.priceCents, v.stock])).toEqual([
      [small!.id, 3_500, 5],
      [medium!.id, 4_500, 3],
      [shirt.variants[2]!.id, 5_200, 5],
    ]);
    const counted = await admin.caller.admin.products.update({
      id: shirt.id,
      variants: repriced.variants.map((v) => (v.id === medium!.id ? { ...row(v), stock: 7 } : row(v))),
    });
    expect(counted.variants.map((v) => v.stock)).toEqual([5, 7, 5]);
    await expect(
      admin.caller.admin.products.update({
        id: shirt.id,
        variants: [
          ...counted.variants.map(row),
          { sku: `LS-L-Sand-${++skus}`, options: { Size: "L", Colour: "Sand" }, priceCents: 4_500 },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Give the new variant its stock"),
    });
  });

  it("keeps a simple product's one variant under the old price and stock fields", async () => {
    const mug = await admin.caller.admin.products.create({
      name: "Plain Mug",
      description: "",
      categoryId,
      priceCents: 900,
      stock: 4,
    });
    expect(mug.variants).toEqual([expect.objectContaining({ sku: mug.slug, options: {}, priceCents: 900, stock: 4 })]);
    const repriced = await admin.caller.admin.products.update({ id: mug.id, priceCents: 1_100, stock: 6 });
    expect(repriced).toMatchObject({ priceCents: 1_100, maxPriceCents: 1_100, stock: 6 });
    const shirt = await createShirt();
    await expect(admin.caller.admin.products.update({ id: shirt.id, priceCents: 100 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This product has variants: set the price and stock of each",
    });
  });
});

describe(`giving a simple product its first option on ${testDialect()}`, () => {
  it("turns its one variant into a variant with options, keeping its stock, its orders and the carts holding it", async () => {
    const tote = await admin.caller.admin.products.create({
      name: "Market Tote",
      description: "Heavy canvas.",
      categoryId,
      priceCents: 2_000,
      stock: 5,
    });
    const [only] = tote.variants;
    // Sold before the change: a checkout took 2, an order holds the variant, a cart holds 1.
    await db.transaction((tx) => reserveStock(tx, [{ variantId: only!.id, name: tote.name, quantity: 2 }]));
    const order = await createOrder(db, { userId: admin.id, email: admin.email, productId: tote.id });
    const { cartToken } = await guestCaller(db).cart.addItem({ productId: tote.id, quantity: 1 });
    const shopper = guestCaller(db, { req: { cartToken } });

    const colours = [{ name: "Colour", values: ["Natural", "Black"] }];
    const updated = await admin.caller.admin.products.update({
      id: tote.id,
      options: colours,
      variants: [
        // The admin's grid leaves stock out for a row whose stock it did not change.
        { id: only!.id, sku: only!.sku, options: { Colour: "Natural" }, priceCents: 2_000 },
        { sku: `${only!.sku}-black`, options: { Colour: "Black" }, priceCents: 2_200, stock: 4 },
      ],
    });
    expect(updated.options).toEqual(colours);
    expect(updated.variants.map((v) => [v.id, v.sku, v.options, v.priceCents, v.stock, v.status])).toEqual([
      [only!.id, only!.sku, { Colour: "Natural" }, 2_000, 3, "active"],
      [expect.any(String), `${only!.sku}-black`, { Colour: "Black" }, 2_200, 4, "active"],
    ]);
    expect(updated).toMatchObject({ priceCents: 2_000, maxPriceCents: 2_200, stock: 7 });

    // The order keeps its line as sold: the same variant, with the SKU and (no) options it had then.
    const placed = await admin.caller.admin.orders.byId({ id: order.id });
    expect(placed.items.map((i) => [i.variantId, i.sku, i.options, i.quantity])).toEqual([
      [only!.id, only!.sku, {}, 2],
    ]);
    // The cart's line is the Natural tote now, still for sale.
    const cart = await shopper.cart.get();
    expect(cart.items.map((i) => [i.variantId, i.options, i.available, i.quantity])).toEqual([
      [only!.id, { Colour: "Natural" }, true, 1],
    ]);
    // And a product id alone now asks which colour.
    await expect(shopper.cart.addItem({ productId: tote.id, quantity: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a colour",
    });
    const page = await guestCaller(db).catalog.product({ slug: tote.slug });
    expect(page.variants.map((v) => v.options)).toEqual([{ Colour: "Natural" }, { Colour: "Black" }]);
  });
});

describe(`a cart of variants on ${testDialect()}`, () => {
  it("shows each line the chosen variant's own picture, else its product's first", async () => {
    const shirt = await createShirt({ name: "Pictured Shirt" });
    const [sandS, , blackM] = shirt.variants;
    const { productImages } = catalogTables(db);
    const image = (key: string, position: number, variantId: string | null) => ({
      id: `img_${key}`,
      productId: shirt.id,
      variantId,
      key: `seed/${key}.svg`,
      alt: key,
      position,
      width: 800,
      height: 800,
    });
    await db.orm
      .insert(productImages)
      .values([image(`front-${shirt.id}`, 0, null), image(`black-${shirt.id}`, 1, blackM!.id)]);
    const { cartToken } = await guestCaller(db).cart.addItem({ variantId: sandS!.id, quantity: 1 });
    const shopper = guestCaller(db, { req: { cartToken } });
    await shopper.cart.addItem({ variantId: blackM!.id, quantity: 1 });
    const cart = await shopper.cart.get();
    expect(cart.items.map((i) => [i.sku, i.thumbnail?.url])).toEqual([
      [sandS!.sku, `/media/seed/front-${shirt.id}.svg`],
      [blackM!.sku, `/media/seed/black-${shirt.id}.svg`],
    ]);
  });
});

describe(`searching products with variants on ${testDialect()}`, () => {
  it("finds a product by a SKU typed exactly, and filters by the prices and stock of its variants for sale", async () => {
    const shirt = await createShirt({ name: "Sailcloth Overshirt" });
    const search = guestCaller(db).catalog.search;
    const slugs = async (input: Parameters<typeof search>[0]) => (await search(input)).items.map((i) => i.slug);
    expect(await slugs({ q: shirt.variants[1]!.sku })).toEqual([shirt.slug]);
    const [item] = (await search({ q: shirt.variants[1]!.sku })).items;
    expect(item).toMatchObject({ priceCents: 3_900, maxPriceCents: 5_200, stock: 15, inStock: true });
    // $39, $45 and $52: a $40–$50 filter has the $45 variant; $46–$50 has none, though the range spans it.
    expect(await slugs({ q: "sailcloth", minPriceCents: 4_000, maxPriceCents: 5_000 })).toEqual([shirt.slug]);
    expect(await slugs({ q: "sailcloth", minPriceCents: 4_600, maxPriceCents: 5_000 })).toEqual([]);
    const { productVariants } = catalogTables(db);
    await db.orm.update(productVariants).set({ stock: 0 }).where(eq(productVariants.productId, shirt.id));
    expect(await slugs({ q: "sailcloth", inStock: true })).toEqual([]);
    await db.orm.update(productVariants).set({ stock: 3 }).where(eq(productVariants.id, shirt.variants[2]!.id));
    expect(await slugs({ q: "sailcloth", inStock: true })).toEqual([shirt.slug]);
  });
  it("shows a SKU's product alone, whatever else its words match, and reads an archived SKU as words", async () => {
    const shirt = await createShirt({ name: "Quayside Overshirt" });
    const sku = shirt.variants[0]!.sku;
    const card = await admin.caller.admin.products.create({
      name: "Quayside Gift Card",
      description: `Pairs with ${sku}.`,
      categoryId,
      priceCents: 2_000,
      stock: 50,
    });
    const slugs = async (q: string) => (await guestCaller(db).catalog.search({ q })).items.map((i) => i.slug);
    // The words of the SKU find the card that mentions it...
    expect(await slugs(`${sku} pairs`)).toEqual([card.slug]);
    // ...but the SKU typed exactly is the shirt's variant, and only the shirt is shown.
    expect(await slugs(` ${sku} `)).toEqual([shirt.slug]);
    const { productVariants } = catalogTables(db);
    await db.orm.update(productVariants).set({ status: "archived" }).where(eq(productVariants.sku, sku));
    expect(await slugs(sku)).toEqual([card.slug]);
  });

  it("puts a product in a price filter with in stock only when one variant for sale passes both", async () => {
    const shirt = await createShirt({ name: "Dockside Overshirt" });
    const slugs = async (input: { minPriceCents: number; maxPriceCents: number; inStock?: boolean }) =>
      (await guestCaller(db).catalog.search({ q: "dockside", ...input })).items.map((i) => i.slug);
    // $39, $45 and $52: only the $45 one is in a $40–$50 filter, and it sells out; the others have stock.
    const { productVariants } = catalogTables(db);
    await db.orm.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, shirt.variants[1]!.id));
    expect(await slugs({ minPriceCents: 4_000, maxPriceCents: 5_000 })).toEqual([shirt.slug]);
    expect(await slugs({ minPriceCents: 4_000, maxPriceCents: 5_000, inStock: true })).toEqual([]);
    expect(await slugs({ minPriceCents: 3_000, maxPriceCents: 4_000, inStock: true })).toEqual([shirt.slug]);
  });
});

describe(`searching option values on ${testDialect()}`, () => {
  it("finds a product by the option values of its variants for sale, and follows every edit of them", async () => {
    const shirt = await createShirt({ name: "Harbour Overshirt" });
    const search = guestCaller(db).catalog.search;
    const slugs = async (q: string) => (await search({ q })).items.map((i) => i.slug);
    expect(await slugs("sand harbour overshirt")).toEqual([shirt.slug]);
    expect(await slugs("harbour overshirt black")).toEqual([shirt.slug]);
    expect(await slugs("harbour olive")).toEqual([]);

    // Black's one variant goes and Olive comes: the words follow in the same save.
    const version = await readCatalogVersion(db);
    const row = ({ stock: _, ...v }: (typeof shirt.variants)[number]) => v;
    const [sandS, sandM] = shirt.variants;
    const olive = await admin.caller.admin.products.update({
      id: shirt.id,
      options: [options[0]!, { name: "Colour", values: ["Sand", "Olive"] }],
      variants: [
        row(sandS!),
        row(sandM!),
        { sku: `HO-M-Olive-${++skus}`, options: { Size: "M", Colour: "Olive" }, priceCents: 4_500, stock: 3 },
      ],
    });
    expect(await readCatalogVersion(db)).toBeGreaterThan(version);
    expect(await slugs("harbour olive")).toEqual([shirt.slug]);
    expect(await slugs("harbour black")).toEqual([]);

    // Archived, Sand is no longer sold: searching it no longer finds the shirt, its name still does.
    await admin.caller.admin.products.update({
      id: shirt.id,
      variants: olive.variants.map((v) => ({ ...row(v), status: v.options.Colour === "Sand" ? "archived" : v.status })),
    });
    expect(await slugs("sand harbour")).toEqual([]);
    expect(await slugs("harbour overshirt")).toEqual([shirt.slug]);
  });
});

describe(`a cart of variants on ${testDialect()}`, () => {
  it("adds a chosen variant, asks which size for a product with a choice, and refuses unknown and archived ones", async () => {
    const shirt = await createShirt();
    const [sandS, sandM] = shirt.variants;
    const guest = guestCaller(db);
    const { cartToken } = await guest.cart.addItem({ variantId: sandM!.id, quantity: 2 });
    const shopper = guestCaller(db, { req: { cartToken } });
    const cart = await shopper.cart.addItem({ variantId: sandS!.id, quantity: 1 });
    expect(cart.items.map((i) => [i.productId, i.variantId, i.sku, i.options, i.priceCents, i.quantity])).toEqual([
      [shirt.id, sandM!.id, sandM!.sku, { Size: "M", Colour: "Sand" }, 4_500, 2],
      [shirt.id, sandS!.id, sandS!.sku, { Size: "S", Colour: "Sand" }, 3_900, 1],
    ]);
    await expect(shopper.cart.addItem({ productId: shirt.id, quantity: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a size",
    });
    await expect(shopper.cart.addItem({ variantId: "var_nothing", quantity: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await db.orm
      .update(catalogTables(db).productVariants)
      .set({ status: "archived" })
      .where(eq(catalogTables(db).productVariants.id, sandS!.id));
    await expect(shopper.cart.addItem({ variantId: sandS!.id, quantity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This product is no longer sold",
    });
    const after = await shopper.cart.get();
    expect(after.items.map((i) => [i.variantId, i.available])).toEqual([
      [sandM!.id, true],
      [sandS!.id, false],
    ]);
    expect(after.subtotalCents).toBe(9_000);
  });
});
