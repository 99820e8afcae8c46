/** Payments and the provider events applied to them: the payments domain's tables. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { at, createdAt, updatedAt } from "../columns/sqlite.ts";
import { paymentStatuses } from "../enums.ts";
import { orders } from "../orders/sqlite.ts";

export const payments = sqliteTable(
  "payments",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    amountCents: integer().notNull(),
    status: text({ enum: paymentStatuses }).notNull(),
    paymentUrl: text(),
    expiresAt: at().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("payments_status_expires_at_index").on(t.status, t.expiresAt)],
);

/** Every webhook event the shop accepted, by the provider's event id: the dedupe record. */
export const paymentEvents = sqliteTable(
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
