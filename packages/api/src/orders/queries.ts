/** The shopper's view of orders: their list, newest first, and one order in full. */
import type { Db, OrderStatus } from "@shopwright/db";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import { lineTotal } from "../lib/money.ts";

export interface OrderFilter extends Page {
  /** One customer's orders (the shopper's own list); every customer's when absent (the back office). */
  userId?: string;
  status?: OrderStatus;
  /** A case-insensitive part of the customer's email. */
  email?: string;
}

/** Orders newest first, a page at a time, with their payment's status and how many lines they hold. */
export async function listOrders(db: Db, filter: OrderFilter) {
  const { orders, orderItems, payments } = db.tables;
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(orders.userId, filter.userId));
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.email) conditions.push(containsText(orders.email, filter.email));
  const where = and(...conditions);
  const itemCount = db.orm.select({ n: count() }).from(orderItems).where(eq(orderItems.orderId, orders.id));
  return pageOf(
    filter,
    db.orm
      .select({
        id: orders.id,
        email: orders.email,
        status: orders.status,
        totalCents: orders.totalCents,
        paymentStatus: payments.status,
        itemCount: sql<number>`(${itemCount})`.mapWith(Number),
        createdAt: orders.createdAt,
      })
      .from(orders)
      .leftJoin(payments, eq(payments.orderId, orders.id))
      .where(where)
      // Ids are UUIDv7, so they break ties between orders placed in the same millisecond.
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter)),
    db.orm.select({ total: count() }).from(orders).where(where),
  );
}

/**
 * An order by id with its customer's name, lines, status history and payment, or NOT_FOUND: the one
 * way an order is loaded for display (shopper, back office, confirmation email). Who may see it is
 * the caller's check, and so is which of these fields they are shown.
 */
export async function loadOrder(db: Db, orderId: string) {
  const { orders, orderItems, orderStatusHistory, payments, users } = db.tables;
  // orders.user_id references users ON DELETE RESTRICT, so the inner join keeps every order.
  const [row] = await db.orm
    .select({ order: orders, customerName: users.name })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!row) throw notFound("Order");
  const order = { ...row.order, customerName: row.customerName };
  const [items, statusHistory, [payment]] = await Promise.all([
    db.orm
      .select({
        id: orderItems.id,
        productId: orderItems.productId,
        name: orderItems.name,
        unitPriceCents: orderItems.unitPriceCents,
        quantity: orderItems.quantity,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.name), asc(orderItems.productId)),
    db.orm
      .select({
        fromStatus: orderStatusHistory.fromStatus,
        status: orderStatusHistory.status,
        actor: orderStatusHistory.actor,
        note: orderStatusHistory.note,
        at: orderStatusHistory.createdAt,
      })
      .from(orderStatusHistory)
      .where(eq(orderStatusHistory.orderId, orderId))
      .orderBy(asc(orderStatusHistory.createdAt), asc(orderStatusHistory.id)),
    db.orm
      .select({
        id: payments.id,
        status: payments.status,
        amountCents: payments.amountCents,
        paymentUrl: payments.paymentUrl,
        expiresAt: payments.expiresAt,
        updatedAt: payments.updatedAt,
      })
      .from(payments)
      .where(eq(payments.orderId, orderId)),
  ]);
  return { order, items, statusHistory, payment: payment ?? null };
}

/** One of the user's own orders; anyone else's is NOT_FOUND, exactly like a missing one. */
export async function orderDetail(db: Db, userId: string, orderId: string) {
  const { order, items, statusHistory, payment } = await loadOrder(db, orderId);
  if (order.userId !== userId) throw notFound("Order");
  return {
    id: order.id,
    status: order.status,
    items: items.map(({ productId, name, unitPriceCents, quantity }) => ({
      productId,
      name,
      unitPriceCents,
      quantity,
      lineTotalCents: lineTotal(unitPriceCents, quantity),
    })),
    subtotalCents: order.subtotalCents,
    totalCents: order.totalCents,
    shippingAddress: order.shippingAddress,
    statusHistory: statusHistory.map(({ status, at, actor }) => ({ status, at, actor })),
    payment: payment
      ? { id: payment.id, status: payment.status, amountCents: payment.amountCents, expiresAt: payment.expiresAt }
      : null,
    // Only an unpaid order still has somewhere to pay.
    paymentUrl: payment?.status === "pending" ? payment.paymentUrl : null,
    createdAt: order.createdAt,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;
