/** Payments and the provider events applied to them: the payments domain's tables. */
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, cents, createdAt, updatedAt } from "../columns/pg.ts";
import { paymentStatuses } from "../enums.ts";
import { orders } from "../orders/pg.ts";

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_order_id_attempt_unique").on(t.orderId, t.attempt),
    index("payments_status_expires_at_index").on(t.status, t.expiresAt),
  ],
);

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
