import { type Db, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issueAccessToken, type Role } from "../auth/access-token.ts";
import { createProduct } from "../testing/fixtures.ts";
import { createSignedInUser, guestCaller, memoryCookieJar, testConfig } from "../testing/index.ts";
import { mergeGuestCart } from "./merge.ts";

let db: Db;
let categoryId: string;

beforeAll(async () => {
  db = await createTestDb();
  categoryId = newId("cat");
  await db.orm.insert(catalogTables(db).categories).values({ id: categoryId, slug: "lamps", name: "Lamps" });
});
afterAll(() => db.close());

async function product(options: { priceCents?: number; stock?: number; status?: "active" | "archived" } = {}) {
  const made = await createProduct(db, {
    name: `Lamp ${newId("x").slice(-4)}`,
    priceCents: options.priceCents ?? 1_000,
    stock: options.stock ?? 50,
    status: options.status ?? "active",
    categoryId,
  });
  return made.id;
}

/** The product's status, or its one variant's stock or price. */
async function setProduct(
  id: string,
  { status, ...variant }: { stock?: number; status?: "active" | "archived"; priceCents?: number },
) {
  const { products, productVariants } = catalogTables(db);
  if (status) await db.orm.update(products).set({ status }).where(eq(products.id, id));
  if (Object.keys(variant).length > 0) {
    await db.orm.update(productVariants).set(variant).where(eq(productVariants.productId, id));
  }
}

/** A guest as a script is one: it sends back whatever token the shop handed it. */
function guest(token?: string) {
  return guestCaller(db, { req: { cartToken: token } });
}

/** A guest's cart holding these quantities, added in this order; returns its token. */
async function guestWithCart(lines: Record<string, number>) {
  let token: string | undefined;
  for (const [productId, quantity] of Object.entries(lines)) {
    token = (await guest(token).cart.addItem({ productId, quantity })).cartToken;
  }
  if (!token) throw new Error("no cart token");
  return token;
}

/** Another signed-in device of the same user: its own session family and access token. */
async function secondSession(user: { id: string; role: Role }) {
  const familyId = newId("fam");
  const now = Date.now();
  await db.orm.insert(authTables(db).sessions).values({
    id: newId("ses"),
    userId: user.id,
    familyId,
    expiresAt: new Date(now + 86_400_000),
    absoluteExpiresAt: new Date(now + 86_400_000),
  });
  return (await issueAccessToken(testConfig.jwtSecret, { userId: user.id, role: user.role, familyId })).accessToken;
}

const quantities = (cart: { items: Array<{ productId: string; quantity: number }> }) =>
  Object.fromEntries(cart.items.map((item) => [item.productId, item.quantity]));

async function cartCount() {
  return (await db.orm.select().from(cartTables(db).carts)).length;
}

describe(`cart on ${testDialect()}`, () => {
  it("gives a guest an empty cart and no token until the first add", async () => {
    expect(await guest().cart.get()).toEqual({ items: [], subtotalCents: 0, itemCount: 0, discount: null });
  });

  it("adds, updates and removes lines with live prices and totals", async () => {
    const lamp = await product({ priceCents: 1_250 });
    const shade = await product({ priceCents: 500 });
    const jar = memoryCookieJar();
    const first = await guestCaller(db, { cookies: jar }).cart.addItem({ productId: lamp, quantity: 2 });
    const token = first.cartToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jar.values.get("sw_cart")).toBe(token);
    const [stored] = await db.orm
      .select()
      .from(cartTables(db).carts)
      .where(eq(cartTables(db).carts.tokenHash, token ?? ""));
    expect(stored).toBeUndefined();

    await guest(token).cart.addItem({ productId: shade, quantity: 1 });
    const added = await guest(token).cart.addItem({ productId: lamp, quantity: 3 });
    expect(added.items).toEqual([
      expect.objectContaining({
        productId: lamp,
        priceCents: 1_250,
        quantity: 5,
        available: true,
        stock: 50,
        lineTotalCents: 6_250,
      }),
      expect.objectContaining({ productId: shade, quantity: 1, lineTotalCents: 500 }),
    ]);
    expect(added).toMatchObject({ cartToken: token, subtotalCents: 6_750, itemCount: 6 });

    await setProduct(lamp, { priceCents: 1_000 });
    expect((await guest(token).cart.get()).subtotalCents).toBe(5_500);

    const updated = await guest(token).cart.updateItem({ productId: lamp, quantity: 1 });
    expect(quantities(updated)).toEqual({ [lamp]: 1, [shade]: 1 });
    const zeroed = await guest(token).cart.updateItem({ productId: shade, quantity: 0 });
    expect(quantities(zeroed)).toEqual({ [lamp]: 1 });
    const removed = await guest(token).cart.removeItem({ productId: lamp });
    expect(removed).toEqual({ cartToken: token, items: [], subtotalCents: 0, itemCount: 0, discount: null });
    expect((await guest(token).cart.removeItem({ productId: lamp })).items).toEqual([]);
  });

  it("touches the cart's updatedAt on every change", async () => {
    const lamp = await product();
    const token = await guestWithCart({ [lamp]: 1 });
    const { carts } = cartTables(db);
    const old = new Date("2026-01-01T00:00:00Z");
    await db.orm.update(carts).set({ updatedAt: old });
    await guest(token).cart.updateItem({ productId: lamp, quantity: 2 });
    const rows = await db.orm.select({ updatedAt: carts.updatedAt }).from(carts);
    expect(rows.filter((r) => r.updatedAt.getTime() > old.getTime())).toHaveLength(1);
  });

  it("adds what the stock allows and says so, and is CONFLICT with the available quantity when nothing is left", async () => {
    const scarce = await product({ stock: 3 });
    const plenty = await product({ stock: 500 });
    const token = await guestWithCart({ [scarce]: 2, [plenty]: 98 });
    const cart = guest(token).cart;
    const topped = await cart.addItem({ productId: scarce, quantity: 2 });
    expect(topped.adjusted).toEqual({
      productId: scarce,
      variantId: expect.any(String),
      requested: 4,
      quantity: 3,
      available: 3,
    });
    expect(quantities(topped)).toEqual({ [scarce]: 3, [plenty]: 98 });
    await expect(cart.addItem({ productId: scarce, quantity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only 3 in stock",
      cause: { details: { available: 3 } },
    });
    expect((await cart.addItem({ productId: plenty, quantity: 2 })).adjusted).toMatchObject({
      quantity: 99,
      available: 99,
    });
    await expect(cart.addItem({ productId: plenty, quantity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { available: 99 } },
    });
    const lowered = await cart.updateItem({ productId: scarce, quantity: 10 });
    expect(lowered.adjusted).toEqual({
      productId: scarce,
      variantId: expect.any(String),
      requested: 10,
      quantity: 3,
      available: 3,
    });
    const fresh = await guest().cart.addItem({ productId: scarce, quantity: 5 });
    expect(fresh.adjusted).toMatchObject({ requested: 5, quantity: 3 });
    expect((await cart.updateItem({ productId: scarce, quantity: 1 })).adjusted).toBeUndefined();
  });

  it("never holds more than the stock", async () => {
    const scarce = await product({ stock: 3 });
    const plenty = await product({ stock: 500 });
    const token = await guestWithCart({ [scarce]: 2, [plenty]: 98 });
    const cart = guest(token).cart;
    expect(quantities(await cart.addItem({ productId: scarce, quantity: 1 }))).toEqual({ [scarce]: 3, [plenty]: 98 });
    expect(quantities(await cart.addItem({ productId: plenty, quantity: 1 }))).toEqual({ [scarce]: 3, [plenty]: 99 });
  });

  it("rejects bad input with BAD_REQUEST and changes nothing", async () => {
    const lamp = await product();
    const token = await guestWithCart({ [lamp]: 2 });
    const before = await cartCount();
    const cart = guest(token).cart;
    const bad = [
      () => cart.addItem({ productId: lamp, quantity: -1 }),
      () => cart.addItem({ productId: lamp, quantity: 0 }),
      () => cart.addItem({ productId: lamp, quantity: 1e9 }),
      () => cart.addItem({ productId: lamp, quantity: 1.5 }),
      () => cart.addItem({ productId: "", quantity: 1 }),
      () => cart.updateItem({ productId: lamp, quantity: -1 }),
      () => cart.updateItem({ productId: lamp, quantity: 100 }),
      () => cart.updateItem({ productId: lamp, quantity: 2.5 }),
      // @ts-expect-error a string is not a quantity
      () => cart.addItem({ productId: lamp, quantity: "3" }),
      () => guest().cart.addItem({ productId: lamp, quantity: 0 }),
    ];
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(quantities(await cart.get())).toEqual({ [lamp]: 2 });
    expect(await cartCount()).toBe(before);
  });

  it("refuses unknown and archived products, and lines not in the cart, without making a cart", async () => {
    const archived = await product({ status: "archived" });
    const lamp = await product();
    const before = await cartCount();
    await expect(guest().cart.addItem({ productId: "prod_missing", quantity: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(guest().cart.addItem({ productId: archived, quantity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { available: 0 } },
    });
    await expect(guest().cart.updateItem({ productId: lamp, quantity: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await guest().cart.removeItem({ productId: lamp })).toEqual({
      items: [],
      subtotalCents: 0,
      itemCount: 0,
      discount: null,
    });
    expect(await cartCount()).toBe(before);
  });

  it("keeps sold-out and archived lines, unavailable and out of the subtotal", async () => {
    const soldOut = await product({ priceCents: 700, stock: 5 });
    const archived = await product({ priceCents: 300 });
    const shrunk = await product({ priceCents: 100, stock: 10 });
    const fine = await product({ priceCents: 200 });
    const token = await guestWithCart({ [soldOut]: 1, [archived]: 1, [shrunk]: 4, [fine]: 2 });
    await setProduct(soldOut, { stock: 0 });
    await setProduct(archived, { status: "archived" });
    await setProduct(shrunk, { stock: 3 });
    const cart = await guest(token).cart.get();
    expect(cart.items.map((item) => [item.productId, item.available])).toEqual([
      [soldOut, false],
      [archived, false],
      [shrunk, false],
      [fine, true],
    ]);
    expect(cart).toMatchObject({ subtotalCents: 400, itemCount: 8 });
    const lowered = await guest(token).cart.updateItem({ productId: shrunk, quantity: 3 });
    expect(lowered.items.find((item) => item.productId === shrunk)?.available).toBe(true);
    expect(lowered.subtotalCents).toBe(700);
  });

  it("opens no cart for an unknown or foreign token, and a new token comes with the next add", async () => {
    const lamp = await product();
    const token = await guestWithCart({ [lamp]: 4 });
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: lamp, quantity: 1 });
    const [userCart] = await db.orm
      .select()
      .from(cartTables(db).carts)
      .where(eq(cartTables(db).carts.userId, user.id));
    expect(userCart?.tokenHash).toBeNull();

    for (const foreign of ["A".repeat(43), userCart?.id ?? "", `${token}x`, token.toUpperCase()]) {
      expect((await guest(foreign).cart.get()).items).toEqual([]);
      await expect(guest(foreign).cart.updateItem({ productId: lamp, quantity: 9 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await guest(foreign).cart.removeItem({ productId: lamp });
      const fresh = await guest(foreign).cart.addItem({ productId: lamp, quantity: 1 });
      expect(fresh.cartToken).not.toBe(foreign);
      expect(quantities(fresh)).toEqual({ [lamp]: 1 });
    }
    expect(quantities(await guest(token).cart.get())).toEqual({ [lamp]: 4 });
    expect(quantities(await user.caller.cart.get())).toEqual({ [lamp]: 1 });
  });

  it("gives a signed-in user one cart on every session, which a guest token does not change", async () => {
    const lamp = await product();
    const shade = await product();
    const token = await guestWithCart({ [shade]: 2 });
    const user = await createSignedInUser(db);
    const laptopJar = memoryCookieJar();
    const laptop = guestCaller(db, { cookies: laptopJar, req: { accessToken: user.accessToken } });
    const phone = guestCaller(db, { req: { accessToken: await secondSession(user), cartToken: token } });

    const added = await laptop.cart.addItem({ productId: lamp, quantity: 2 });
    expect(added.cartToken).toBeUndefined();
    expect(laptopJar.values.has("sw_cart")).toBe(false);
    await phone.cart.addItem({ productId: lamp, quantity: 1 });
    expect(quantities(await laptop.cart.get())).toEqual({ [lamp]: 3 });
    await laptop.cart.removeItem({ productId: lamp });
    expect(await phone.cart.get()).toEqual({ items: [], subtotalCents: 0, itemCount: 0, discount: null });
    expect(quantities(await guest(token).cart.get())).toEqual({ [shade]: 2 });
    const { carts } = cartTables(db);
    expect(await db.orm.select().from(carts).where(eq(carts.userId, user.id))).toHaveLength(1);
  });

  it("keeps a browser's guest token in a /trpc cookie that lasts as long as an untouched cart", async () => {
    const lamp = await product();
    const set = vi.fn();
    const jar = { ...memoryCookieJar(), set };
    const { cartToken } = await guestCaller(db, { cookies: jar }).cart.addItem({ productId: lamp, quantity: 1 });
    expect(set).toHaveBeenCalledWith("sw_cart", cartToken, { path: "/trpc", maxAgeSeconds: 30 * 86_400 });
  });
});

describe(`merging a guest cart at sign-in on ${testDialect()}`, () => {
  async function merge(userId: string, cartToken: string | undefined) {
    await db.transaction((tx) => mergeGuestCart(tx, { userId, cartToken }));
  }

  it("adds up overlapping lines, adopts disjoint ones and consumes the guest cart", async () => {
    const both = await product({ stock: 10 });
    const guestOnly = await product();
    const userOnly = await product();
    const capped = await product({ stock: 6 });
    const token = await guestWithCart({ [both]: 3, [guestOnly]: 2, [capped]: 4 });
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: both, quantity: 4 });
    await user.caller.cart.addItem({ productId: userOnly, quantity: 1 });
    await user.caller.cart.addItem({ productId: capped, quantity: 5 });

    await merge(user.id, token);
    expect(quantities(await user.caller.cart.get())).toEqual({ [both]: 7, [userOnly]: 1, [capped]: 6, [guestOnly]: 2 });
    expect(await guest(token).cart.get()).toEqual({ items: [], subtotalCents: 0, itemCount: 0, discount: null });

    await merge(user.id, token);
    expect(quantities(await user.caller.cart.get())).toEqual({ [both]: 7, [userOnly]: 1, [capped]: 6, [guestOnly]: 2 });
  });

  it("gives a user without a cart the guest's lines, capped at today's stock", async () => {
    const lamp = await product({ stock: 8 });
    const shrunk = await product({ stock: 9 });
    const soldOut = await product({ stock: 2 });
    const token = await guestWithCart({ [lamp]: 2, [shrunk]: 9, [soldOut]: 2 });
    await setProduct(shrunk, { stock: 4 });
    await setProduct(soldOut, { stock: 0 });
    const user = await createSignedInUser(db);
    const cartsBefore = await cartCount();

    await merge(user.id, token);
    const cart = await user.caller.cart.get();
    expect(quantities(cart)).toEqual({ [lamp]: 2, [shrunk]: 4, [soldOut]: 1 });
    expect(cart.items.map((item) => item.available)).toEqual([true, true, false]);
    expect(await cartCount()).toBe(cartsBefore);
  });

  it("caps merged quantities at 99 and never lowers what the user's line held", async () => {
    const plenty = await product({ stock: 500 });
    const shrinking = await product({ stock: 10 });
    const token = await guestWithCart({ [plenty]: 60, [shrinking]: 3 });
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: plenty, quantity: 50 });
    await user.caller.cart.addItem({ productId: shrinking, quantity: 8 });
    await setProduct(shrinking, { stock: 5 });

    await merge(user.id, token);
    expect(quantities(await user.caller.cart.get())).toEqual({ [plenty]: 99, [shrinking]: 8 });
  });

  it("does nothing without a token or with one that opens no guest cart", async () => {
    const lamp = await product();
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: lamp, quantity: 1 });
    const [userCart] = await db.orm
      .select()
      .from(cartTables(db).carts)
      .where(eq(cartTables(db).carts.userId, user.id));
    const other = await createSignedInUser(db);
    const before = await cartCount();
    for (const token of [undefined, "", "A".repeat(43), userCart?.id]) await merge(other.id, token);
    expect(await cartCount()).toBe(before);
    expect(quantities(await user.caller.cart.get())).toEqual({ [lamp]: 1 });
  });
});
