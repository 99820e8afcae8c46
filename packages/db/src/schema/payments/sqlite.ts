/** The provider events the payments domain applied: its webhook log. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "../columns/sqlite.ts";
import { payments } from "../orders/sqlite.ts";

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
