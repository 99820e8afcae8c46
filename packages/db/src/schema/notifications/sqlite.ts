/** The email the shop sends: the notifications domain's table. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { at, createdAt, updatedAt } from "../columns/sqlite.ts";
import { emailStatuses } from "../enums.ts";

/** Every email the shop sends, and what became of it; (kind, ref) makes sending idempotent. */
export const emailMessages = sqliteTable(
  "email_messages",
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    ref: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    status: text({ enum: emailStatuses }).notNull(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("email_messages_kind_ref_unique").on(t.kind, t.ref),
    index("email_messages_created_at_index").on(t.createdAt),
  ],
);
