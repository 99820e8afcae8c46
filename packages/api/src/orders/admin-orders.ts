/** Orders as the back office sees them: every customer's, filterable, with their full story. */
import { type Db, type OrderStatus, orderStatuses } from "@shopwright/db";
import { inArray } from "drizzle-orm";
import { auditTrail, recordAudit } from "../audit/audit-log.ts";
import { loadOrder } from "./queries.ts";
import { canTransition, transitionOrder } from "./transitions.ts";

export async function adminOrderById(db: Db, id: string) {
  const [{ order, items, statusHistory, payment }, audit] = await Promise.all([
    loadOrder(db, id),
    auditTrail(db, "order", id),
  ]);
  return {
    id: order.id,
    userId: order.userId,
    email: order.email,
    customerName: order.customerName,
    status: order.status,
    subtotalCents: order.subtotalCents,
    totalCents: order.totalCents,
    shippingAddress: order.shippingAddress,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    items,
    statusHistory: await withAdminEmails(db, statusHistory),
    payment: payment && {
      id: payment.id,
      status: payment.status,
      amountCents: payment.amountCents,
      expiresAt: payment.expiresAt,
      updatedAt: payment.updatedAt,
    },
    audit,
    /** Where the state machine lets an admin move this order next. */
    nextStatuses: orderStatuses.filter((to) => canTransition(order.status, to)),
  };
}

const ADMIN_ACTOR = "admin:";

/** History entries name admins by user id (`admin:<id>`); people reading them want an email. */
async function withAdminEmails<T extends { actor: string }>(db: Db, entries: T[]) {
  const adminIds = [
    ...new Set(entries.flatMap((e) => (e.actor.startsWith(ADMIN_ACTOR) ? [e.actor.slice(ADMIN_ACTOR.length)] : []))),
  ];
  const { users } = db.tables;
  const emails = new Map(
    adminIds.length
      ? (await db.orm.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, adminIds))).map(
          (u) => [u.id, u.email],
        )
      : [],
  );
  return entries.map((entry) => ({
    ...entry,
    actorEmail: entry.actor.startsWith(ADMIN_ACTOR)
      ? (emails.get(entry.actor.slice(ADMIN_ACTOR.length)) ?? null)
      : null,
  }));
}

/** Moves an order through the state machine on an admin's behalf, and logs it. */
export async function setOrderStatus(
  db: Db,
  actorId: string,
  input: { id: string; status: OrderStatus; note?: string },
) {
  await db.transaction(async (tx) => {
    const { from, to } = await transitionOrder(tx, {
      orderId: input.id,
      to: input.status,
      actor: `${ADMIN_ACTOR}${actorId}`,
      ...(input.note ? { note: input.note } : {}),
    });
    await recordAudit(tx, {
      actorId,
      action: "order.status_changed",
      entityType: "order",
      entityId: input.id,
      details: { from, to, ...(input.note ? { note: input.note } : {}) },
    });
  });
  return adminOrderById(db, input.id);
}
