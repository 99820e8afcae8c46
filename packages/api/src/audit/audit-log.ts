/**
 * The audit log: who changed what, and when. Every admin change writes one row in the same
 * transaction as the change itself, so the log never claims a change that rolled back.
 */
import { type Db, newId } from "@shopwright/db";
import { auditTables } from "@shopwright/db/tables/audit";
import { and, desc, eq } from "drizzle-orm";
import { emailsById } from "../auth/people.ts";

export type AuditEntityType = "product" | "category" | "order" | "shipping_zone" | "tax_settings" | "discount_code";

export interface AuditEvent {
  actorId: string;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.orm.insert(auditTables(db).auditLog).values({ id: newId("aud"), ...event, details: event.details ?? null });
}

/** The history of one entity, newest first, with the actor's email where the actor still exists. */
export async function auditTrail(db: Db, entityType: AuditEntityType, entityId: string) {
  const { auditLog } = auditTables(db);
  const entries = await db.orm
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(100);
  const emails = await emailsById(
    db,
    entries.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  );
  return entries.map((entry) => ({ ...entry, actorEmail: (entry.actorId && emails.get(entry.actorId)) || null }));
}
