/** The payments domain's tables: the provider events it applied (its webhook log) and refunds. */
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, cents, createdAt, updatedAt } from "../columns/pg.ts";
import { refundStatuses } from "../enums.ts";
import { orderItems, orders, payments } from "../orders/pg.ts";

/** Every webhook event the shop accepted, by the provider's event id: the dedupe record. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: text().primaryKey(),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    type: text().notNull(),
    outcome: text().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("payment_events_payment_id_index").on(t.paymentId)],
);

/**
 * Money given back from a captured payment. `pending` until the provider's webhook settles it; the
 * admin's idempotency key makes a retried request the same refund.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    /** What was asked, canonically: the same key with another request is CONFLICT. */
    requestHash: text().notNull(),
    amountCents: cents().notNull(),
    /** The part of `amountCents` that refunds shipping. */
    shippingCents: cents().notNull().default(0),
    status: text({ enum: refundStatuses }).notNull(),
    reason: text().notNull(),
    /** Why the provider refused it, for the admin. */
    failureReason: text(),
    /** Who asked: `admin:<userId>`. */
    actor: text().notNull(),
    settledAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("refunds_order_id_idempotency_key_unique").on(t.orderId, t.idempotencyKey),
    index("refunds_payment_id_index").on(t.paymentId),
    index("refunds_status_settled_at_index").on(t.status, t.settledAt),
    check("refunds_amount_positive", sql`${t.amountCents} > 0`),
    check("refunds_shipping_within_amount", sql`${t.shippingCents} >= 0 and ${t.shippingCents} <= ${t.amountCents}`),
  ],
);

/** The order lines a refund gives money back for, and whether their units go back to stock. */
export const refundLines = pgTable(
  "refund_lines",
  {
    refundId: text()
      .notNull()
      .references(() => refunds.id, { onDelete: "cascade" }),
    orderItemId: text()
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    amountCents: cents().notNull(),
    restock: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.orderItemId] }),
    index("refund_lines_order_item_id_index").on(t.orderItemId),
    check("refund_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("refund_lines_amount_nonnegative", sql`${t.amountCents} >= 0`),
  ],
);
