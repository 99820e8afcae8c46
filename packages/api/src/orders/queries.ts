/** The shopper's view of orders: their list, newest first, and one order in full. */
import type { Db } from "@shopwright/db";
import { asc, count, desc, eq } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { lineTotal } from "../lib/money.ts";

export const ORDERS_PAGE_SIZE = 20;

export async function listOrders(db: Db, userId: string, page: number) {
  const { orders, orderItems } = db.tables;
  const pageSize = ORDERS_PAGE_SIZE;
  const [rows, [totals]] = await Promise.all([
    db.orm
      .select({
        id: orders.id,
        status: orders.status,
        totalCents: orders.totalCents,
        createdAt: orders.createdAt,
        itemCount: count(orderItems.id),
      })
      .from(orders)
      .leftJoin(orderItems, eq(orderItems.orderId, orders.id))
      .where(eq(orders.userId, userId))
      .groupBy(orders.id)
      // Ids are UUIDv7, so they break ties between orders placed in the same millisecond.
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.orm.select({ total: count() }).from(orders).where(eq(orders.userId, userId)),
  ]);
  return { items: rows, total: totals?.total ?? 0, page, pageSize };
}

/**
 * An order by id with its lines, status history and payment, or NOT_FOUND. Who may see it is the
 * caller's check, and so is which of these fields they are shown.
 */
export async function loadOrder(db: Db, orderId: string) {
  const { orders, orderItems, orderStatusHistory, payments } = db.tables;
  const [order] = await db.orm.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("Order");
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
