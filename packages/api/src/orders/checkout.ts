/**
 * Checkout: the cart becomes an order in one transaction, then the payment is registered with the
 * gateway outside it (network I/O never holds a transaction open).
 *
 * Idempotency: the key row is written before anything else. A second request with the same key
 * waits on that row's primary key until the first commits, then finds its order — the same
 * request gets the first result, a different one CONFLICT, and there is never a second order.
 */

import { createHash } from "node:crypto";
import { addressProblems } from "@shopwright/address";
import { type Address, type Db, newId, nextOrderNumber } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue } from "@shopwright/jobs";
import { and, asc, eq, lt, lte } from "drizzle-orm";
import { getProfile, updateProfile } from "../auth/service.ts";
import { cartLines, clearCart, heldDiscountCode, holdUserCart } from "../cart/lines.ts";
import { reserveStock } from "../catalog/stock.ts";
import type { ApiConfig } from "../config.ts";
import { badRequest, conflict } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { priceCheckout, redeemOrderCode } from "./checkout-pricing.ts";
import { latestAttempt, registerAttempt } from "./payment-attempts.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { type OrderDetail, orderDetail } from "./queries.ts";
import { assertMayHoldMore } from "./unpaid-limit.ts";

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface CheckoutInput {
  userId: string;
  idempotencyKey: string;
  shippingAddress?: Address;
  /** The delivery method picked from `checkoutSummary`'s options; absent, the cheapest for the address. */
  shippingMethodId?: string;
  /** Also keep the address on the profile, for next time. */
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
}

export async function checkout(deps: CheckoutDeps, input: CheckoutInput): Promise<CheckoutResult> {
  const orderId = await deps.db.transaction((tx) => placeOrder(tx, deps.config, input));
  const payment = await latestAttempt(deps.db, orderId);
  const paymentUrl = payment ? await registerAttempt(deps, payment) : null;
  return { order: await orderDetail(deps.db, input.userId, orderId), paymentUrl };
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

async function placeOrder(
  tx: Db,
  config: ApiConfig,
  {
    userId,
    idempotencyKey,
    shippingAddress,
    shippingMethodId,
    saveAddress,
    expectedTotalCents,
    requestId,
  }: CheckoutInput,
) {
  const { orders, orderItems, orderStatusHistory, idempotencyKeys } = ordersTables(tx);
  const { payments } = ordersTables(tx);
  const now = new Date();

  const cartId = await holdUserCart(tx, userId, now);
  const lines = cartId ? await cartLines(tx, cartId) : [];
  const user = await getProfile(tx, userId);
  const address = shippingAddress ?? user.shippingAddress;
  if (!address) throw badRequest("Add a shipping address to check out");
  if (!shippingAddress) {
    // A saved address may predate today's rules (a US address saved before states were asked for).
    const [problem] = Object.entries(addressProblems(address));
    if (problem) throw badRequest(problem[1], { field: `shippingAddress.${problem[0]}` });
  }
  const hash = requestHash(lines, address, shippingMethodId);

  const fresh = {
    userId,
    key: idempotencyKey,
    requestHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
  };
  const [claimed] = await tx.orm
    .insert(idempotencyKeys)
    .values(fresh)
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      // An expired key may be used afresh; a live one is left alone and nothing is returned.
      set: { ...fresh, orderId: null },
      setWhere: lt(idempotencyKeys.expiresAt, now),
    })
    .returning({ key: idempotencyKeys.key });
  if (!claimed) return replay(tx, { userId, idempotencyKey, hash, lines, address, shippingMethodId });

  if (!cartId || lines.length === 0) throw badRequest("Your cart is empty");
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (config.rateLimits) await assertMayHoldMore(tx, { userId }, units);
  const reserved = await reserveStock(tx, lines);
  const orderId = newId("ord");
  const pricedCheckout = await priceCheckout(tx, {
    lines,
    reserved,
    address,
    shippingMethodId,
    discountCode: await heldDiscountCode(tx, cartId),
    expectedTotalCents,
    now,
  });
  const { priced, snapshot } = pricedCheckout;

  await tx.orm.insert(orders).values({
    id: orderId,
    number: await nextOrderNumber(tx),
    userId,
    email: user.email,
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
  await tx.orm.insert(orderItems).values(
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
  );
  await tx.orm
    .insert(orderStatusHistory)
    .values({ id: newId("osh"), orderId, fromStatus: null, status: "placed", actor: "customer", createdAt: now });
  await redeemOrderCode(tx, pricedCheckout, { orderId, userId, customerKey: user.email });
  const expiresAt = new Date(now.getTime() + config.paymentTimeoutMinutes * 60_000);
  await tx.orm
    .insert(payments)
    .values({ id: newId("pay"), orderId, amountCents: priced.totalCents, status: "pending", expiresAt });
  await clearCart(tx, cartId);
  if (saveAddress) await updateProfile(tx, userId, { shippingAddress: address });
  await tx.orm
    .update(idempotencyKeys)
    .set({ orderId })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, idempotencyKey)));
  await enqueue(
    tx,
    "expire_unpaid_order",
    { orderId, requestId },
    { runAt: expiresAt, jobKey: `expire-order:${orderId}` },
  );
  return orderId;
}

/**
 * The key was used before (its row is committed: the insert above waited for it). The first
 * checkout emptied the cart, so an empty cart is compared as the lines that checkout ordered.
 */
async function replay(
  tx: Db,
  input: {
    userId: string;
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
    .where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.idempotencyKey)));
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
