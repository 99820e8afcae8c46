/**
 * Guest-merge race: a shopper signs in on several devices at the same moment, each holding a
 * guest cart. The wrong way merges by read-modify-write (read both carts, combine in JavaScript,
 * rewrite the user's cart), so the last writer wins and the other devices' items vanish. The
 * shop's merge is one INSERT … SELECT … ON CONFLICT DO UPDATE after claiming the guest cart, so
 * concurrent merges add up.
 */
import { randomUUID } from "node:crypto";
import { guestCaller } from "@shopwright/api/testing";
import { type Db, newId, type PostgresDb } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { eq, sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { createProduct, createSignedInUser, shopConfig } from "../shop.ts";

export interface GuestMergeOptions {
  /** Devices signing in at once, each with a guest cart of its own product. */
  devices: number;
  /** Rounds of sign-ins for each side; the shop's cost an argon2 verification per device. */
  naiveTrials: number;
  shopTrials: number;
}

interface Side {
  trials: number;
  /** Lines that should be in the user's carts after all the trials. */
  expected: number;
  kept: number;
  trialsLosingItems: number;
}

export interface GuestMergeResult {
  devices: number;
  naive: Side;
  shop: Side;
}

/** THE WRONG WAY: read both carts, combine them in JavaScript, write the user's cart back whole. */
async function naiveMerge(db: Db, userId: string, guestCartId: string): Promise<void> {
  const { carts, cartItems } = cartTables(db);
  const guestLines = await db.orm.select().from(cartItems).where(eq(cartItems.cartId, guestCartId));
  await db.orm
    .insert(carts)
    .values({ id: newId("cart"), userId })
    .onConflictDoNothing();
  const [cart] = await db.orm.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
  const userLines = await db.orm.select().from(cartItems).where(eq(cartItems.cartId, cart!.id));
  const merged = new Map(userLines.map((l) => [l.variantId, l.quantity]));
  for (const l of guestLines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  await db.orm.delete(cartItems).where(eq(cartItems.cartId, cart!.id));
  await db.orm
    .insert(cartItems)
    .values([...merged].map(([variantId, quantity]) => ({ cartId: cart!.id, variantId, quantity })))
    .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity: sql`excluded.quantity` } });
  await db.orm.delete(carts).where(eq(carts.id, guestCartId));
}

async function linesOf(db: PostgresDb, userId: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from cart_items i join carts c on c.id = i.cart_id where c.user_id = ${userId}`,
  );
  return row?.n ?? 0;
}

export async function runGuestMergeRace(
  db: PostgresDb,
  { devices, naiveTrials, shopTrials }: GuestMergeOptions,
): Promise<GuestMergeResult> {
  const products = [];
  for (let i = 0; i < devices; i++) products.push(await createProduct(db, { stock: 1_000 }));
  const side = (trials: number): Side => ({ trials, expected: trials * devices, kept: 0, trialsLosingItems: 0 });
  const naive = side(naiveTrials);
  const shop = side(shopTrials);
  const count = (into: Side, kept: number) => {
    into.kept += kept;
    if (kept < devices) into.trialsLosingItems++;
  };

  for (let trial = 0; trial < naiveTrials; trial++) {
    // The wrong way's guest carts are rows of the shop's own tables, made as cart.addItem makes them.
    const user = await createSignedInUser(db, { config: shopConfig });
    const guestCarts = products.map(() => newId("cart"));
    await db.orm.insert(cartTables(db).carts).values(guestCarts.map((id) => ({ id, tokenHash: randomUUID() })));
    await db.orm
      .insert(cartTables(db).cartItems)
      .values(products.map((p, i) => ({ cartId: guestCarts[i]!, variantId: p.variantId, quantity: 1 })));
    await Promise.all(guestCarts.map((cartId) => naiveMerge(db, user.id, cartId)));
    count(naive, await linesOf(db, user.id));
  }

  for (let trial = 0; trial < shopTrials; trial++) {
    // The shop: each device fills a guest cart through cart.addItem and signs in with auth.login.
    const email = `${newId("usr")}@example.com`;
    const password = "correct horse battery staple";
    await guestCaller(db, { config: shopConfig }).auth.register({ email, password, name: "Ada" });
    const cartTokens: string[] = [];
    for (const product of products) {
      const cart = await guestCaller(db, { config: shopConfig }).cart.addItem({ productId: product.id, quantity: 1 });
      cartTokens.push(cart.cartToken!);
    }
    const sessions = await Promise.all(
      cartTokens.map((cartToken) =>
        guestCaller(db, { config: shopConfig }).auth.login({ email, password, cartToken, tokenDelivery: "body" }),
      ),
    );
    count(shop, await linesOf(db, sessions[0]!.user.id));
  }
  return { devices, naive, shop };
}

export const guestMergeRace: Experiment = {
  name: "guest-merge-race",
  summary: "8 devices sign in at once, each with a guest cart: read-modify-write merge vs the shop's",
  page: "cart.md",
  database: true,
  async run(db) {
    const r = await runGuestMergeRace(requireDb(db), { devices: 8, naiveTrials: 20, shopTrials: 5 });
    const rows = (side: Side): [string, string | number][] => [
      ["rounds of sign-ins", side.trials],
      ["cart lines kept", `${side.kept} of ${side.expected}`],
      ["rounds that lost items", side.trialsLosingItems],
    ];
    return {
      title: `guest-merge-race: one shopper signs in on ${r.devices} devices at once, each with a guest cart of 1 line`,
      sections: [
        {
          heading: "The wrong way: read both carts, combine in JavaScript, rewrite the user's cart",
          rows: rows(r.naive),
        },
        { heading: "Shopwright: auth.login merges with one INSERT … ON CONFLICT DO UPDATE", rows: rows(r.shop) },
      ],
      verdict:
        `The read-modify-write merge lost lines in ${r.naive.trialsLosingItems} of ${r.naive.trials} rounds (a late ` +
        `writer overwrites what it did not read); the shop lost none in ${r.shop.trials}.`,
    };
  },
};
