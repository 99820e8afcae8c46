/**
 * Orders, their lines, status history and payment attempts, and checkout's idempotency keys: the
 * orders domain's tables.
 */

import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Address } from "../address.ts";
import { users } from "../auth/sqlite.ts";
import type { VariantOptions } from "../catalog/options.ts";
import { products, productVariants } from "../catalog/sqlite.ts";
import { at, cents, createdAt, updatedAt } from "../columns/sqlite.ts";
import { orderStatuses, paymentStatuses } from "../enums.ts";
import type { OrderPricing } from "../order-pricing.ts";

export const orders = sqliteTable(
  "orders",
  {
    id: text().primaryKey(),
    /**
     * The account the order shows in: the signed-in shopper's, or, for a guest's order, null until an
     * account proves it receives mail at `email` (then it is attached, see orders/guest-orders.ts).
     */
    userId: text().references(() => users.id, { onDelete: "restrict" }),
    /** The short number people read and quote; drawn from a sequence (see sequences.ts). */
    number: integer().notNull().unique(),
    /** Where the order's emails go: the account's address at checkout, or the one a guest typed (lowercased). */
    email: text().notNull(),
    /** Placed without signing in: its emails carry an order link, whether or not it was attached since. */
    placedAsGuest: integer({ mode: "boolean" }).notNull().default(false),
    /** The shipping address normalised (unpaid-limit.ts), so a guest's unpaid orders are counted per address. */
    shippingAddressKey: text(),
    status: text({ enum: orderStatuses }).notNull(),
    /** The carrier's tracking number, given by the admin when the order ships. */
    trackingNumber: text(),
    subtotalCents: cents().notNull(),
    discountCents: cents().notNull().default(0),
    shippingCents: cents().notNull().default(0),
    /** The lines' tax plus the shipping's; inside the total when \`pricing.taxIncluded\`, else added to it. */
    taxCents: cents().notNull().default(0),
    totalCents: cents().notNull(),
    /** The rules priced with (rate, code, method); null on orders placed before pricing existed. */
    pricing: text({ mode: "json" }).$type<OrderPricing>(),
    shippingAddress: text({ mode: "json" }).$type<Address>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_user_id_created_at_index").on(t.userId, t.createdAt),
    index("orders_status_created_at_index").on(t.status, t.createdAt),
    index("orders_created_at_index").on(t.createdAt),
    // Unpaid orders per guest email and per address (unpaid-limit.ts); an email's guest orders to attach.
    index("orders_email_status_index").on(t.email, t.status),
    index("orders_shipping_address_key_status_index").on(t.shippingAddressKey, t.status),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    variantId: text()
      .notNull()
      .references(() => productVariants.id, { onDelete: "restrict" }),
    /** Snapshots, as the shopper bought it: a later edit of the product or variant changes none of them. */
    name: text().notNull(),
    sku: text().notNull(),
    options: text({ mode: "json" }).$type<VariantOptions>().notNull(),
    unitPriceCents: cents().notNull(),
    quantity: integer().notNull(),
    /** Units claimed by refunds that have not failed: a line is never refunded past what was bought. */
    refundClaimedQuantity: integer().notNull().default(0),
    /** Units put back on the shelf (by a refund or the cancellation): each unit goes back once. */
    restockedQuantity: integer().notNull().default(0),
    /** The line's share of the order's discount (largest remainder), so refunds and tax are exact per line. */
    discountCents: cents().notNull().default(0),
    taxCents: cents().notNull().default(0),
    /** What the shopper paid for the line: unit price × quantity − discount, plus tax when tax is added. */
    totalCents: cents().notNull().default(0),
  },
  (t) => [
    index("order_items_order_id_index").on(t.orderId),
    index("order_items_product_id_index").on(t.productId),
    check(
      "order_items_refund_claimed_within_quantity",
      sql`${t.refundClaimedQuantity} >= 0 and ${t.refundClaimedQuantity} <= ${t.quantity}`,
    ),
    check(
      "order_items_restocked_within_quantity",
      sql`${t.restockedQuantity} >= 0 and ${t.restockedQuantity} <= ${t.quantity}`,
    ),
    index("order_items_variant_id_index").on(t.variantId),
  ],
);

export const orderStatusHistory = sqliteTable(
  "order_status_history",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text(),
    status: text().notNull(),
    actor: text().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [index("order_status_history_order_id_created_at_index").on(t.orderId, t.createdAt)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /**
     * Whose key it is: `user:<id>` for a signed-in shopper, `cart:<id>` for a guest's cart, so two
     * guests' keys never meet and a key is unique per shopper as before.
     */
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_expires_at_index").on(t.expiresAt)],
);

/**
 * Links that open one order without signing in (a guest's confirmation email, "Find my order"):
 * the id is the SHA-256 of the link's token, so the table opens nothing by itself. Each request for
 * a link adds a row and leaves the earlier links working; a link lives as long as its order.
 */
export const orderLinks = sqliteTable(
  "order_links",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("order_links_order_id_index").on(t.orderId)],
);

/**
 * An order's payment attempts: the first made at checkout, one more per retry. They belong to the
 * order (made in its transaction, shown with it, counted in its revenue); the payments domain
 * moves them through orders' functions as the gateway reports.
 */
export const payments = sqliteTable(
  "payments",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** 1 for checkout's payment, then one more per retry; unique per order, so a retry lands once. */
    attempt: integer().notNull().default(1),
    amountCents: cents().notNull(),
    status: text({ enum: paymentStatuses }).notNull(),
    paymentUrl: text(),
    expiresAt: at().notNull(),
    /** Set when money arrived that the shop could not use (the order was cancelled or paid already). */
    refundNeededAt: at(),
    /** Cents claimed by refunds that have not failed: refunds never pass what was captured. */
    refundClaimedCents: cents().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_order_id_attempt_unique").on(t.orderId, t.attempt),
    index("payments_status_expires_at_index").on(t.status, t.expiresAt),
    check(
      "payments_refund_claimed_within_amount",
      sql`${t.refundClaimedCents} >= 0 and ${t.refundClaimedCents} <= ${t.amountCents}`,
    ),
  ],
);
