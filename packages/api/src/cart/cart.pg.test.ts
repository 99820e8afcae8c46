import { newId, type PostgresDb } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "../testing/fixtures.ts";
import { createSignedInUser, guestCaller } from "../testing/index.ts";
import { mergeGuestCart } from "./merge.ts";

const PARALLEL = 20;
let db: PostgresDb;
let categoryId: string;

beforeAll(async () => {
  db = await createPostgresTestDb({ max: PARALLEL });
  categoryId = newId("cat");
  await db.orm.insert(catalogTables(db).categories).values({ id: categoryId, slug: "lamps", name: "Lamps" });
});
afterAll(() => db.close());

async function product(stock: number) {
  return (await createProduct(db, { name: "Lamp", priceCents: 1_000, stock, categoryId })).id;
}

const times = <T>(n: number, fn: () => Promise<T>) => Promise.allSettled(Array.from({ length: n }, fn));

describe("the cart under real concurrency on Postgres", () => {
  it("adds up parallel adds of one product on one line", async () => {
    const seed = await product(100);
    const lamp = await product(100);
    const { cartToken } = await guestCaller(db).cart.addItem({ productId: seed, quantity: 1 });
    const guest = guestCaller(db, { req: { cartToken } });
    const results = await times(PARALLEL, () => guest.cart.addItem({ productId: lamp, quantity: 1 }));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const cart = await guest.cart.get();
    expect(cart.items.find((item) => item.productId === lamp)?.quantity).toBe(PARALLEL);
    expect(cart.items).toHaveLength(2);
  });

  it("makes one cart and one line for a user's parallel first adds", async () => {
    const lamp = await product(100);
    const user = await createSignedInUser(db);
    const results = await times(PARALLEL, () => user.caller.cart.addItem({ productId: lamp, quantity: 1 }));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const { carts } = cartTables(db);
    expect(await db.orm.select().from(carts).where(eq(carts.userId, user.id))).toHaveLength(1);
    expect((await user.caller.cart.get()).items.map((item) => item.quantity)).toEqual([PARALLEL]);
  });

  it("never lets parallel adds pass the stock between them", async () => {
    const scarce = await product(5);
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: scarce, quantity: 1 });
    const results = await times(PARALLEL, () => user.caller.cart.addItem({ productId: scarce, quantity: 1 }));
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(PARALLEL - 4);
    for (const r of rejected)
      expect(r.reason).toMatchObject({ code: "CONFLICT", cause: { details: { available: 5 } } });
    expect((await user.caller.cart.get()).items.map((item) => item.quantity)).toEqual([5]);
  });

  it("merges a guest cart once when sign-ins replay its token in parallel", async () => {
    const lamp = await product(100);
    const { cartToken } = await guestCaller(db).cart.addItem({ productId: lamp, quantity: 3 });
    const user = await createSignedInUser(db);
    await user.caller.cart.addItem({ productId: lamp, quantity: 2 });
    const results = await times(PARALLEL, () =>
      db.transaction((tx) => mergeGuestCart(tx, { userId: user.id, cartToken })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await user.caller.cart.get()).items.map((item) => item.quantity)).toEqual([5]);
    expect((await guestCaller(db, { req: { cartToken } }).cart.get()).items).toEqual([]);
  });
});
