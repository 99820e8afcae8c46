/** Who changed what in the admin: the audit log. */
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "../auth/pg.ts";
import { createdAt } from "../columns/pg.ts";

export const auditLog = pgTable(
  "audit_log",
  {
    id: text().primaryKey(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_type_entity_id_created_at_index").on(t.entityType, t.entityId, t.createdAt)],
);
