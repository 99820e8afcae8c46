/** The shopper's view of orders: their list, newest first, and one order in full. */
import type { Db } from "@shopwright/db";
import { and, asc, count, desc, eq } from "drizzle-orm";
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

/** One of the user's own orders; anyone else's is NOT_FOUND, exactly like a missing one. */
export async function orderDetail(db: Db, userId: string, orderId: string) {
  const { orders, orderItems, orderStatusHistory, payments } = db.tables;
  const [order] = await db.orm
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  if (!order) throw notFound("Order");
  const [items, history, [payment]] = await Promise.all([
    db.orm
      .select({
        productId: orderItems.productId,
        name: orderItems.name,
        unitPriceCents: orderItems.unitPriceCents,
        quantity: orderItems.quantity,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.name), asc(orderItems.productId)),
    db.orm
      .select({ status: orderStatusHistory.status, at: orderStatusHistory.createdAt, actor: orderStatusHistory.actor })
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
      })
      .from(payments)
      .where(eq(payments.orderId, orderId)),
  ]);
  return {
    id: order.id,
    status: order.status,
    items: items.map((item) => ({ ...item, lineTotalCents: lineTotal(item.unitPriceCents, item.quantity) })),
    subtotalCents: order.subtotalCents,
    totalCents: order.totalCents,
    shippingAddress: order.shippingAddress,
    statusHistory: history,
    payment: payment
      ? { id: payment.id, status: payment.status, amountCents: payment.amountCents, expiresAt: payment.expiresAt }
      : null,
    // Only an unpaid order still has somewhere to pay.
    paymentUrl: payment?.status === "pending" ? payment.paymentUrl : null,
    createdAt: order.createdAt,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;
