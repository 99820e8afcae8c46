/** Who changed what in the admin: the audit log. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "../auth/sqlite.ts";
import { createdAt } from "../columns/sqlite.ts";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text().primaryKey(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_type_entity_id_created_at_index").on(t.entityType, t.entityId, t.createdAt)],
);
