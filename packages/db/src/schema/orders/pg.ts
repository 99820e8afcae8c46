/**
 * Orders, their lines, status history and payment attempts, and checkout's idempotency keys: the
 * orders domain's tables.
 */

import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { Address } from "../address.ts";
import { users } from "../auth/pg.ts";
import type { VariantOptions } from "../catalog/options.ts";
import { products, productVariants } from "../catalog/pg.ts";
import { at, cents, createdAt, updatedAt } from "../columns/pg.ts";
import { orderStatuses, paymentStatuses } from "../enums.ts";
import type { OrderPricing } from "../order-pricing.ts";

/** Order numbers: short, sequential, never reused (a rolled-back checkout leaves a gap, as it should). */
export const orderNumberSequence = pgSequence("order_number_seq", { startWith: 1001 });

export const orders = pgTable(
  "orders",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The short number people read and quote; drawn from a sequence (see sequences.ts). */
    number: integer().notNull().unique(),
    email: text().notNull(),
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
    pricing: jsonb().$type<OrderPricing>(),
    shippingAddress: jsonb().$type<Address>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_user_id_created_at_index").on(t.userId, t.createdAt),
    index("orders_status_created_at_index").on(t.status, t.createdAt),
    index("orders_created_at_index").on(t.createdAt),
  ],
);

export const orderItems = pgTable(
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
    options: jsonb().$type<VariantOptions>().notNull(),
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

export const orderStatusHistory = pgTable(
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

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestHash: text().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_expires_at_index").on(t.expiresAt)],
);

/**
 * An order's payment attempts: the first made at checkout, one more per retry. They belong to the
 * order (made in its transaction, shown with it, counted in its revenue); the payments domain
 * moves them through orders' functions as the gateway reports.
 */
export const payments = pgTable(
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
