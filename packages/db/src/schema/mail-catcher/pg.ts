/** Not the shop's: the dev mail catcher (apps/server) stores what it received here. */
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "../columns/pg.ts";

/** What the dev mail catcher received, for the admin Mailbox. */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: text().primaryKey(),
    from: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text(),
    text: text(),
    messageId: text(),
    receivedAt: createdAt(),
  },
  (t) => [index("mailbox_messages_received_at_index").on(t.receivedAt)],
);
