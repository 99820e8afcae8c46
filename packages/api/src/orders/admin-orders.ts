/** Orders as the back office sees them: every customer's, filterable, with their full story. */
import { type Db, type OrderStatus, orderStatuses } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { auditTrail, recordAudit } from "../audit/audit-log.ts";
import { emailsById } from "../auth/people.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { lockOrder } from "./lock.ts";
import { loadOrder, orderTotals } from "./queries.ts";
import type { OrderRefunds } from "./refunds-port.ts";
import { canTransition, transitionOrder } from "./transitions.ts";

/** An order in full for the back office; `orderRefunds` reads its refunds (payments' port). */
export async function adminOrderById(db: Db, id: string, orderRefunds: OrderRefunds) {
  const [{ order, items, statusHistory, payment, attempts }, audit] = await Promise.all([
    loadOrder(db, id),
    auditTrail(db, "order", id),
  ]);
  const refunds = await orderRefunds(db, id);
  return {
    id: order.id,
    number: order.number,
    /** Null for a guest's order until an account verifies its email (guest-orders.ts). */
    userId: order.userId,
    email: order.email,
    placedAsGuest: order.placedAsGuest,
    customerName: order.customerName,
    status: order.status,
    trackingNumber: order.trackingNumber,
    ...orderTotals(order),
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
    /** Every attempt, oldest first: how many tries the customer made, and which took money. */
    paymentAttempts: attempts.map(({ id, attempt, status, amountCents, refundNeededAt, updatedAt }) => ({
      id,
      attempt,
      status,
      amountCents,
      refundNeededAt,
      updatedAt,
    })),
    /** Money taken that the order cannot use (it was cancelled, or paid twice) and not yet refunded. */
    needsRefund: attempts.some((a) => a.refundNeededAt !== null && a.status !== "refunded"),
    /** Paid, refunded and still refundable, per order and per line, and every refund. */
    ...refunds,
    audit,
    /** Where the state machine lets an admin move this order next. */
    nextStatuses: orderStatuses.filter((to) => canTransition(order.status, to)),
  };
}

const ADMIN_ACTOR = "admin:";

/** History entries name admins by user id (`admin:<id>`); people reading them want an email. */
async function withAdminEmails<T extends { actor: string }>(db: Db, entries: T[]) {
  const adminIds = entries.flatMap((e) => (e.actor.startsWith(ADMIN_ACTOR) ? [e.actor.slice(ADMIN_ACTOR.length)] : []));
  const emails = await emailsById(db, adminIds);
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
  input: { id: string; status: OrderStatus; note?: string; trackingNumber?: string },
): Promise<void> {
  if (input.trackingNumber && input.status !== "shipped") {
    throw badRequest("A tracking number goes with shipping the order", { field: "trackingNumber" });
  }
  await db.transaction(async (tx) => {
    if (input.trackingNumber) {
      // Written before the move, so the shipped email (enqueued with the move) finds it.
      const { orders } = ordersTables(tx);
      await tx.orm.update(orders).set({ trackingNumber: input.trackingNumber }).where(eq(orders.id, input.id));
    }
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
      details: {
        from,
        to,
        ...(input.note ? { note: input.note } : {}),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
      },
    });
  });
}

/**
 * Adds or corrects the tracking number of a shipped order, and tells the customer by email (one
 * job per order, so two quick corrections send the latest number once). The same number again
 * changes nothing and sends nothing.
 */
export async function setTrackingNumber(
  db: Db,
  actorId: string,
  input: { id: string; trackingNumber: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { orders } = ordersTables(tx);
    const locked = await lockOrder(tx, input.id);
    if (!locked) throw notFound("Order");
    if (locked.status !== "shipped") {
      throw conflict(
        locked.status === "delivered"
          ? "This order has been delivered; its tracking number no longer changes"
          : "A tracking number is given when the order ships: use Mark shipped",
        { status: locked.status },
      );
    }
    const [{ trackingNumber: from } = { trackingNumber: null }] = await tx.orm
      .select({ trackingNumber: orders.trackingNumber })
      .from(orders)
      .where(eq(orders.id, input.id));
    if (from === input.trackingNumber) return;
    await tx.orm.update(orders).set({ trackingNumber: input.trackingNumber }).where(eq(orders.id, input.id));
    await recordAudit(tx, {
      actorId,
      action: "order.tracking_changed",
      entityType: "order",
      entityId: input.id,
      details: { trackingNumber: { from, to: input.trackingNumber } },
    });
    await enqueue(
      tx,
      "send_order_tracking_email",
      { orderId: input.id, trackingNumber: input.trackingNumber },
      { jobKey: `order-tracking:${input.id}` },
    );
  });
}
