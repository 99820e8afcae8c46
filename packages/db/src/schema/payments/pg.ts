/** The provider events the payments domain applied: its webhook log. */
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "../columns/pg.ts";
import { payments } from "../orders/pg.ts";

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
