/**
 * Checkout: the cart becomes an order in one transaction, then the payment is registered with the
 * gateway outside it (network I/O never holds a transaction open).
 *
 * Idempotency: the key row is written before anything else. A second request with the same key
 * waits on that row's primary key until the first commits, then finds its order — the same
 * request gets the first result, a different one CONFLICT, and there is never a second order.
 * A key is the shopper's: a signed-in shopper's account's, a guest's cart's.
 *
 * A guest checks out the cart their token opens, with an email and a shipping address: the order
 * belongs to that email (guest-orders.ts) and the guest gets a link that opens it (order-links.ts).
 */

import { createHash } from "node:crypto";
import { addressProblems } from "@shopwright/address";
import { type Address, type Db, newId, nextOrderNumber } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue } from "@shopwright/jobs";
import { and, asc, eq, lt, lte } from "drizzle-orm";
import { verifiedAccountWithEmail } from "../auth/people.ts";
import { getProfile, updateProfile } from "../auth/service.ts";
import { type CartKey, cartLines, clearCart, heldDiscountCode, holdCart } from "../cart/lines.ts";
import { reserveStock } from "../catalog/stock.ts";
import type { ApiConfig } from "../config.ts";
import { badRequest, conflict } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { priceCheckout, redeemOrderCode } from "./checkout-pricing.ts";
import { lockGuestCheckout } from "./guest-orders.ts";
import { issueOrderLink } from "./order-links.ts";
import { registerAttempt } from "./payment-attempts.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { loadOrder, type OrderDetail, shopperView } from "./queries.ts";
import { addressHoldKey, assertMayHoldMore, type UnpaidHolder } from "./unpaid-limit.ts";

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Who checks out: a signed-in shopper, or a guest with the cart their token opens and an email. */
export type Shopper = { userId: string } | { guest: { cartToken: string | undefined; email: string } };

export interface CheckoutInput {
  shopper: Shopper;
  idempotencyKey: string;
  shippingAddress?: Address;
  /** The delivery method picked from `checkoutSummary`'s options; absent, the cheapest for the address. */
  shippingMethodId?: string;
  /** Also keep the address on the profile, for next time (a guest has no profile: ignored). */
  saveAddress?: boolean;
  /** The total the shopper was shown (`orders.checkoutSummary`); any other total is CONFLICT. */
  expectedTotalCents?: number;
  /** The request that asked, carried into the jobs it enqueues for tracing. */
  requestId?: string;
}

export interface CheckoutDeps {
  db: Db;
  config: ApiConfig;
  gateway: PaymentGateway;
  log: Logger;
}

export interface CheckoutResult {
  order: OrderDetail;
  /** Null when the gateway could not be reached: the order stands; the same checkout again retries. */
  paymentUrl: string | null;
  /**
   * For a guest: the token of a new link to the order (`orders.byAccessToken`), for the page that
   * shows it after payment. Null for a signed-in shopper, whose order is at `orders.byId`.
   */
  orderToken: string | null;
}

export async function checkout(deps: CheckoutDeps, input: CheckoutInput): Promise<CheckoutResult> {
  const { shopper } = input;
  const { orderId, registration } = await deps.db.transaction((tx) => placeOrder(tx, deps.config, input));
  // The order was placed (or first placed, for a replay) under this shopper's key: it is theirs. A
  // new order's payment is registered with the provider while the order is read, and a guest's
  // link made (a repeated checkout gets a link of its own: the first answer's token was never stored).
  const [placed, registered, orderToken] = await Promise.all([
    loadOrder(deps.db, orderId),
    registration && registerAttempt(deps, registration.payment, registration.order),
    "userId" in shopper ? null : issueOrderLink(deps.db, deps.config, orderId),
  ]);
  const { payment } = placed;
  const paymentUrl = registration
    ? registered
    : payment && (await registerAttempt(deps, { ...payment, orderId }, placed.order));
  return { order: shopperView({ ...placed, payment: payment && { ...payment, paymentUrl } }), paymentUrl, orderToken };
}

interface ResolvedShopper {
  /** The account the order shows in; null for a guest's order until an account proves its email. */
  userId: string | null;
  email: string;
  savedAddress: Address | null;
  holder: UnpaidHolder;
}

/** Whose keys, cart and limits a checkout uses, and where the order's mail goes. */
async function resolveShopper(tx: Db, shopper: Shopper, address: Address | undefined): Promise<ResolvedShopper> {
  if ("userId" in shopper) {
    const profile = await getProfile(tx, shopper.userId);
    return {
      userId: shopper.userId,
      email: profile.email,
      savedAddress: profile.shippingAddress,
      holder: { userId: shopper.userId },
    };
  }
  // A guest has no saved address to fall back on.
  if (!address) throw badRequest("Add a shipping address to check out", { field: "shippingAddress" });
  const { email } = shopper.guest;
  const addressKey = addressHoldKey(address);
  // Taken before reading whether an account has proven this address: see lockGuestCheckout.
  await lockGuestCheckout(tx, { email, addressKey });
  return {
    // Attached at once to an account that has proven this address, as verifying would attach it.
    userId: await verifiedAccountWithEmail(tx, email),
    email,
    savedAddress: null,
    holder: { email, addressKey },
  };
}

/** What makes two checkouts "the same request": the lines checked out, where and how they ship. */
function requestHash(
  lines: { variantId: string; quantity: number }[],
  address: Address,
  shippingMethodId: string | undefined,
): string {
  const canonical = {
    // Sorted by code unit, not locale, so every server computes the same hash.
    lines: lines.map((l) => `${l.variantId}:${l.quantity}`).sort(),
    shippingMethodId: shippingMethodId ?? null,
    address: [
      address.name,
      address.line1,
      address.line2 ?? "",
      address.city,
      address.region ?? "",
      address.postalCode,
      address.country,
    ],
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/**
 * The order a checkout placed; for a new one, also what registering its payment needs (null for a
 * replayed checkout, whose payment is read with its order).
 */
interface Placed {
  orderId: string;
  registration: {
    payment: { id: string; orderId: string; amountCents: number; status: "pending"; paymentUrl: null };
    order: { number: number; placedAsGuest: boolean };
  } | null;
}

async function placeOrder(
  tx: Db,
  config: ApiConfig,
  {
    shopper: who,
    idempotencyKey,
    shippingAddress,
    shippingMethodId,
    saveAddress,
    expectedTotalCents,
    requestId,
  }: CheckoutInput,
): Promise<Placed> {
  const { orders, orderItems, orderStatusHistory, idempotencyKeys, payments } = ordersTables(tx);
  const now = new Date();

  const cart: CartKey = "userId" in who ? { userId: who.userId } : { guestToken: who.guest.cartToken };
  // A signed-in shopper's profile is a plain read, sent beside the cart's hold; a guest's locks
  // (lockGuestCheckout) are all taken before the cart's, the one order every checkout takes them in.
  const [shopper, cartId] =
    "userId" in who
      ? await Promise.all([resolveShopper(tx, who, shippingAddress), holdCart(tx, cart, now)])
      : await resolveShopper(tx, who, shippingAddress).then(
          async (guest) => [guest, await holdCart(tx, cart, now)] as const,
        );
  const lines = cartId ? await cartLines(tx, cartId) : [];
  const address = shippingAddress ?? shopper.savedAddress;
  if (!address) throw badRequest("Add a shipping address to check out");
  if (!shippingAddress) {
    // A saved address may predate today's rules (a US address saved before states were asked for).
    const [problem] = Object.entries(addressProblems(address));
    if (problem) throw badRequest(problem[1], { field: `shippingAddress.${problem[0]}` });
  }
  const hash = requestHash(lines, address, shippingMethodId);
  // A guest whose token opens no cart has nothing to check out, nor a key to replay.
  if (!cartId && "guest" in who) throw badRequest("Your cart is empty");
  // Whose keys: an account's, or a guest's cart's (its id, never its token).
  const scope = "userId" in who ? `user:${who.userId}` : `cart:${cartId}`;

  const fresh = {
    scope,
    key: idempotencyKey,
    requestHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
  };
  const [claimed] = await tx.orm
    .insert(idempotencyKeys)
    .values(fresh)
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      // An expired key may be used afresh; a live one is left alone and nothing is returned.
      set: { ...fresh, orderId: null },
      setWhere: lt(idempotencyKeys.expiresAt, now),
    })
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    return {
      orderId: await replay(tx, { scope, idempotencyKey, hash, lines, address, shippingMethodId }),
      registration: null,
    };
  }

  if (!cartId || lines.length === 0) throw badRequest("Your cart is empty");
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  // Statements that do not wait on each other's answers are sent together: one transaction holds
  // one connection, and its pipeline (packages/db/src/client.ts) answers them in one round trip. The
  // unpaid-order count goes first, under the locks taken above; if it refuses, the stock taken beside
  // it goes back with the transaction.
  const [, reserved, discountCode] = await Promise.all([
    config.rateLimits ? assertMayHoldMore(tx, shopper.holder, units) : null,
    reserveStock(tx, lines),
    heldDiscountCode(tx, cartId),
  ]);
  const orderId = newId("ord");
  // The number is drawn beside the pricing: a checkout that pricing refuses leaves a gap in the
  // numbers, as any checkout failing after its draw does (numbers are for people, not counting).
  const [pricedCheckout, number] = await Promise.all([
    priceCheckout(tx, { lines, reserved, address, shippingMethodId, discountCode, expectedTotalCents, now }),
    nextOrderNumber(tx),
  ]);
  const { priced, snapshot } = pricedCheckout;

  await tx.orm.insert(orders).values({
    id: orderId,
    number,
    userId: shopper.userId,
    email: shopper.email,
    placedAsGuest: "guest" in who,
    shippingAddressKey: addressHoldKey(address),
    status: "placed",
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    shippingCents: priced.shippingCents,
    taxCents: priced.taxCents,
    totalCents: priced.totalCents,
    pricing: snapshot,
    shippingAddress: address,
    createdAt: now,
    updatedAt: now,
  });
  const pricedLines = new Map(priced.lines.map((line) => [line.lineId, line]));
  const expiresAt = new Date(now.getTime() + config.paymentTimeoutMinutes * 60_000);
  const payment = {
    id: newId("pay"),
    orderId,
    amountCents: priced.totalCents,
    status: "pending",
    paymentUrl: null,
  } as const;
  // Everything else refers to the order's row, written above, and to nothing written here.
  await Promise.all([
    tx.orm.insert(orderItems).values(
      reserved.map((r) => {
        const parts = pricedLines.get(r.variantId);
        if (!parts) throw new Error(`line ${r.variantId} was not priced`);
        return {
          id: newId("oi"),
          orderId,
          productId: r.productId,
          variantId: r.variantId,
          name: r.name,
          sku: r.sku,
          options: r.options,
          unitPriceCents: r.priceCents,
          quantity: r.quantity,
          discountCents: parts.discountCents,
          taxCents: parts.taxCents,
          totalCents: parts.totalCents,
        };
      }),
    ),
    tx.orm
      .insert(orderStatusHistory)
      .values({ id: newId("osh"), orderId, fromStatus: null, status: "placed", actor: "customer", createdAt: now }),
    redeemOrderCode(tx, pricedCheckout, { orderId, userId: shopper.userId, customerKey: shopper.email }),
    tx.orm.insert(payments).values({ ...payment, status: "pending", expiresAt }),
    clearCart(tx, cartId),
    saveAddress && "userId" in who ? updateProfile(tx, who.userId, { shippingAddress: address }) : null,
    tx.orm
      .update(idempotencyKeys)
      .set({ orderId })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, idempotencyKey))),
    enqueue(tx, "expire_unpaid_order", { orderId, requestId }, { runAt: expiresAt, jobKey: `expire-order:${orderId}` }),
  ]);
  return { orderId, registration: { payment, order: { number, placedAsGuest: "guest" in who } } };
}

/**
 * The key was used before (its row is committed: the insert above waited for it). The first
 * checkout emptied the cart, so an empty cart is compared as the lines that checkout ordered.
 */
async function replay(
  tx: Db,
  input: {
    scope: string;
    idempotencyKey: string;
    hash: string;
    lines: { variantId: string; quantity: number }[];
    address: Address;
    shippingMethodId: string | undefined;
  },
): Promise<string> {
  const { idempotencyKeys, orderItems } = ordersTables(tx);
  const [existing] = await tx.orm
    .select({ requestHash: idempotencyKeys.requestHash, orderId: idempotencyKeys.orderId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.idempotencyKey)));
  const misuse = () => conflict("This idempotency key was already used for a different checkout");
  if (!existing?.orderId) throw misuse();
  let hash = input.hash;
  if (input.lines.length === 0) {
    const ordered = await tx.orm
      .select({ variantId: orderItems.variantId, quantity: orderItems.quantity })
      .from(orderItems)
      .where(eq(orderItems.orderId, existing.orderId))
      .orderBy(asc(orderItems.variantId));
    hash = requestHash(ordered, input.address, input.shippingMethodId);
  }
  if (hash !== existing.requestHash) throw misuse();
  return existing.orderId;
}

/** Housekeeping: a key past its 24 hours no longer guards a retry, so its row goes. */
export async function deleteExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  const { idempotencyKeys } = ordersTables(db);
  await db.orm.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now));
}
