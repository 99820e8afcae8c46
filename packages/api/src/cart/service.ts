/**
 * The cart: a signed-in user's one cart, or a guest's cart opened by its token. Every write first
 * touches (and so locks) the cart row, the same order checkout takes, so concurrent writers to one
 * cart queue behind each other instead of deadlocking.
 */
import { type Db, newId } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { and, eq, sql } from "drizzle-orm";
import { getProfile } from "../auth/service.ts";
import { stockOf } from "../catalog/stock.ts";
import { chosenVariant, variantsById } from "../catalog/variants.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { addressKey } from "../lib/address-key.ts";
import { lineTotal, sumCents } from "../lib/money.ts";
import { enforceRateLimits, type RateLimitRule } from "../lib/rate-limit.ts";
import { liveDiscountRule, usedByCustomer } from "../pricing/discount-codes.ts";
import { discountCodeProblem, normalizeDiscountCode } from "../pricing/discount-rules.ts";
import { type DiscountSummary, summarizeDiscount } from "../pricing/discount-words.ts";
import { quoteOrder } from "../pricing/quote.ts";
import {
  type CartLine,
  cartIdOf,
  cartLines,
  heldDiscountCode,
  holdCart,
  MAX_LINE_QUANTITY,
  pricingLines,
} from "./lines.ts";
import { newCartToken } from "./token.ts";

export { MAX_LINE_QUANTITY };

/**
 * Whose cart a call is about: a signed-in user's, or the guest cart the token opens (if any).
 * `address` is where a guest's request came from, to count new guest carts against (absent when
 * rate limits are off).
 */
export type CartOwner = { userId: string } | { guestToken: string | undefined; address?: string };

/**
 * New guest carts per address: each is a row and a token, so one address cannot mint thousands.
 * Generous, since a carrier's NAT puts many shoppers behind one address, and each of them opens
 * a cart only once.
 */
export const GUEST_CARTS_PER_ADDRESS = { limit: 100, windowSeconds: 60 * 60 } satisfies RateLimitRule;

export interface CartItem extends CartLine {
  lineTotalCents: number;
}

export interface CartView {
  /** The guest's cart token; never present for a signed-in user. */
  cartToken?: string;
  items: CartItem[];
  /** Counts available lines only: what checkout would charge today. */
  subtotalCents: number;
  /** Every unit in the cart, available or not (the badge on the cart icon). */
  itemCount: number;
  /** The code the cart holds and what it takes off the available lines; null without one. */
  discount: DiscountSummary | null;
}

interface OpenCart {
  id: string;
  guestToken?: string;
}

export async function getCart(db: Db, owner: CartOwner): Promise<CartView> {
  const cartId = await cartIdOf(db, owner);
  return view(db, cartId ? opened(owner, cartId) : null);
}

/**
 * Said when a cart holds less than was asked for: a shopper asking for 5 of the last 2 gets the 2,
 * and this, rather than silence or a refusal.
 */
export interface CartAdjustment {
  productId: string;
  variantId: string;
  requested: number;
  /** The line's quantity now. */
  quantity: number;
  /** The most the line may hold (the stock, at most 99). */
  available: number;
}

/**
 * Which variant a cart call is about: `variantId`, or a `productId` standing for a product's only
 * variant for sale (`chosenVariant` refuses one that offers a choice).
 */
export type LineChoice = { variantId?: string; productId?: string };

/**
 * Adds to the variant's line (creating the cart and the line as needed), as many as the stock
 * allows: asking for more adds what is left and says so in `adjusted`; with nothing left to add it
 * is CONFLICT, with the `available` quantity.
 */
export async function addCartItem(
  db: Db,
  owner: CartOwner,
  input: LineChoice & { quantity: number },
): Promise<CartView & { adjusted?: CartAdjustment }> {
  const { cartItems } = cartTables(db);
  return db.transaction(async (tx) => {
    const variantId = await chosenVariant(tx, input);
    const { stock, productId } = await purchasable(tx, variantId);
    const cart = await openForAdd(tx, owner);
    const held = await lineQuantity(tx, cart.id, variantId);
    const adding = Math.min(input.quantity, lineLimit(stock) - held);
    if (adding <= 0) throw exceedsStock(stock);
    const sum = sql`${cartItems.quantity} + excluded.quantity`;
    // One statement decides, so parallel adds of one variant add up on one line and never pass
    // the cap between them; a sum over the cap updates nothing and returns no row.
    const [line] = await tx.orm
      .insert(cartItems)
      .values({ cartId: cart.id, variantId, quantity: adding })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.variantId],
        set: { quantity: sum },
        setWhere: sql`${sum} <= ${sql.raw(String(MAX_LINE_QUANTITY))}
          and ${sum} <= ${stockOf(tx, sql`excluded.variant_id`)}`,
      })
      .returning({ quantity: cartItems.quantity });
    if (!line) throw exceedsStock((await purchasable(tx, variantId)).stock);
    const cartView = await view(tx, cart);
    if (adding === input.quantity) return cartView;
    const available = lineLimit(stock);
    return {
      ...cartView,
      adjusted: { productId, variantId, requested: held + input.quantity, quantity: line.quantity, available },
    };
  });
}

/**
 * Sets a line's quantity; 0 removes it. Only a line already in the cart can be changed. Asking for
 * more than the stock sets the most there is and says so in `adjusted`.
 */
export async function updateCartItem(
  db: Db,
  owner: CartOwner,
  input: LineChoice & { quantity: number },
): Promise<CartView & { adjusted?: CartAdjustment }> {
  if (input.quantity === 0) return removeCartItem(db, owner, input);
  const { cartItems } = cartTables(db);
  const variantId = await chosenVariant(db, input);
  const { stock, productId } = await purchasable(db, variantId);
  const available = lineLimit(stock);
  if (available === 0) throw exceedsStock(stock);
  const quantity = Math.min(input.quantity, available);
  return db.transaction(async (tx) => {
    const cart = await touch(tx, owner);
    const [line] = cart
      ? await tx.orm
          .update(cartItems)
          .set({ quantity })
          .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.variantId, variantId)))
          .returning({ quantity: cartItems.quantity })
      : [];
    if (!cart || !line) throw notFound("Cart item");
    const cartView = await view(tx, cart);
    if (quantity === input.quantity) return cartView;
    return { ...cartView, adjusted: { productId, variantId, requested: input.quantity, quantity, available } };
  });
}

async function lineQuantity(tx: Db, cartId: string, variantId: string): Promise<number> {
  const { cartItems } = cartTables(tx);
  const [line] = await tx.orm
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
  return line?.quantity ?? 0;
}

/** Removes a line; removing one that is not there changes nothing and is not an error. */
export async function removeCartItem(db: Db, owner: CartOwner, input: LineChoice): Promise<CartView> {
  const { cartItems } = cartTables(db);
  return db.transaction(async (tx) => {
    const variantId = await chosenVariant(tx, input);
    const cart = await touch(tx, owner);
    if (cart) {
      await tx.orm.delete(cartItems).where(and(eq(cartItems.cartId, cart.id), eq(cartItems.variantId, variantId)));
    }
    return view(tx, cart);
  });
}

/** The most one line of a variant may hold now: its stock, and never more than 99. */
export function lineLimit(stock: number): number {
  return Math.min(stock, MAX_LINE_QUANTITY);
}

function opened(owner: CartOwner, id: string): OpenCart {
  return "userId" in owner ? { id } : { id, guestToken: owner.guestToken };
}

/** Marks the owner's cart changed and locks it for the rest of the transaction; null if there is none. */
async function touch(db: Db, owner: CartOwner): Promise<OpenCart | null> {
  const id = await holdCart(db, owner);
  return id ? opened(owner, id) : null;
}

/**
 * The cart to add to. A guest whose token opens nothing (unknown, expired, merged, or someone else's
 * kind of token) gets a new cart with a new token: a client never chooses its own token.
 */
async function openForAdd(db: Db, owner: CartOwner): Promise<OpenCart> {
  if ("userId" in owner) return { id: await openUserCart(db, owner.userId) };
  const existing = await touch(db, owner);
  if (existing) return existing;
  if (owner.address) {
    const key = `cart:new:${addressKey(owner.address)}`;
    await enforceRateLimits(db, [{ key, rule: GUEST_CARTS_PER_ADDRESS }]);
  }
  const { token, tokenHash } = newCartToken();
  const id = newId("cart");
  const now = new Date();
  await db.orm.insert(cartTables(db).carts).values({ id, tokenHash, createdAt: now, updatedAt: now });
  return { id, guestToken: token };
}

/** The user's cart id, created if need be and marked changed; the unique user_id makes it one cart. */
export async function openUserCart(db: Db, userId: string): Promise<string> {
  const { carts } = cartTables(db);
  const now = new Date();
  const [cart] = await db.orm
    .insert(carts)
    .values({ id: newId("cart"), userId, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: carts.userId, set: { updatedAt: now } })
    .returning({ id: carts.id });
  if (!cart) throw new Error("cart upsert returned no row");
  return cart.id;
}

/** The variant, if it and its product are for sale; an unknown one is NOT_FOUND, an archived one CONFLICT. */
async function purchasable(db: Db, variantId: string) {
  const variant = (await variantsById(db, [variantId])).get(variantId);
  if (!variant) throw notFound("Product variant");
  if (variant.status !== "active" || variant.productStatus !== "active") {
    throw conflict("This product is no longer sold", { available: 0 });
  }
  return variant;
}

/** `available` is the most this variant's line may hold now. */
function exceedsStock(stock: number) {
  const available = lineLimit(stock);
  if (stock === 0) return conflict("This product is sold out", { available });
  if (stock < MAX_LINE_QUANTITY) return conflict(`Only ${stock} in stock`, { available });
  return conflict(`A cart holds at most ${MAX_LINE_QUANTITY} of one product`, { available });
}

async function view(db: Db, cart: OpenCart | null): Promise<CartView> {
  const [lines, code] = cart ? await Promise.all([cartLines(db, cart.id), heldDiscountCode(db, cart.id)]) : [[], null];
  const items = lines.map((line) => ({ ...line, lineTotalCents: lineTotal(line.priceCents, line.quantity) }));
  return {
    ...(cart?.guestToken ? { cartToken: cart.guestToken } : {}),
    items,
    subtotalCents: sumCents(items.filter((item) => item.available).map((item) => item.lineTotalCents)),
    itemCount: items.reduce((count, item) => count + item.quantity, 0),
    // Priced only when a code is held: a cart without one has nothing to take off.
    discount: code ? summarizeDiscount(await quoteOrder(db, { lines: pricingLines(lines), discountCode: code })) : null,
  };
}

/**
 * Wrong guesses per cart owner (a user, or a guest's address): enough for a shopper's typos, far
 * too few to find codes by trying them.
 */
export const DISCOUNT_GUESSES = { limit: 20, windowSeconds: 15 * 60 } satisfies RateLimitRule;

/**
 * Keeps a code on the cart, to be priced with it until checkout. An unknown, paused, ended or used-up
 * code reads alike ("not a code we have, or it has ended"): a shopper learns what they need, a
 * guesser nothing more. A once-per-customer code this customer already used is refused by name.
 */
export async function applyDiscountCode(
  db: Db,
  owner: CartOwner,
  typed: string,
  options: { rateLimited: boolean; now?: Date },
): Promise<CartView> {
  const now = options.now ?? new Date();
  const shape = discountCodeProblem(typed);
  if (shape) throw badRequest(shape, { field: "code" });
  const code = normalizeDiscountCode(typed);
  const rule = await liveDiscountRule(db, code, now);
  if (!rule) {
    if (options.rateLimited) await enforceRateLimits(db, [{ key: guessKey(owner), rule: DISCOUNT_GUESSES }], now);
    throw badRequest(`${code} is not a code we have, or it has ended`, { field: "code" });
  }
  // A guest's email is known only at checkout, which checks it there.
  const email = "userId" in owner ? (await getProfile(db, owner.userId)).email : null;
  if (email && (await usedByCustomer(db, code, email))) {
    throw badRequest(`You have already used ${code}`, { field: "code" });
  }
  return db.transaction(async (tx) => {
    const cart = await touch(tx, owner);
    if (!cart) throw badRequest("Add something to your cart before using a code", { field: "code" });
    await tx.orm
      .update(cartTables(tx).carts)
      .set({ discountCode: code })
      .where(eq(cartTables(tx).carts.id, cart.id));
    return view(tx, cart);
  });
}

export async function removeDiscountCode(db: Db, owner: CartOwner): Promise<CartView> {
  return db.transaction(async (tx) => {
    const cart = await touch(tx, owner);
    if (cart) {
      await tx.orm
        .update(cartTables(tx).carts)
        .set({ discountCode: null })
        .where(eq(cartTables(tx).carts.id, cart.id));
    }
    return view(tx, cart);
  });
}

function guessKey(owner: CartOwner): string {
  return "userId" in owner ? `discount:user:${owner.userId}` : `discount:ip:${addressKey(owner.address ?? "")}`;
}
