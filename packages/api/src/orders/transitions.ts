/**
 * The order state machine: the one function that moves an order, records who moved it and when,
 * puts the stock back when an order is cancelled, and enqueues what follows a move: voiding the
 * open payment of a cancelled order, and the customer's email about it.
 *
 *   placed → processing → shipped → delivered;  placed | processing → cancelled
 */
import { type Db, newId, type OrderStatus } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue } from "@shopwright/jobs";
import { and, eq, sql } from "drizzle-orm";
import { restoreStock } from "../catalog/stock.ts";
import { conflict, notFound } from "../errors.ts";

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ["processing", "cancelled"],
  processing: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Who moved an order, as recorded in its history: `customer` (checkout), `payments` (the
 * gateway's webhook), `system` (scheduled jobs) or `admin:<userId>`.
 */
export type Actor = string;

export interface Transition {
  orderId: string;
  to: OrderStatus;
  actor: Actor;
  note?: string;
}

/**
 * Moves an order to `to`; an invalid move is CONFLICT. The update is conditional on the status
 * just read, so two racing transitions cannot both succeed — which also makes a cancellation
 * restore the stock exactly once, `cancelled` being final.
 */
export async function transitionOrder(
  db: Db,
  { orderId, to, actor, note }: Transition,
): Promise<{ from: OrderStatus; to: OrderStatus }> {
  const { orders, orderStatusHistory } = ordersTables(db);
  return db.transaction(async (tx) => {
    const [order] = await tx.orm.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (!order) throw notFound("Order");
    const from = order.status;
    if (!canTransition(from, to)) throw conflict(`An order that is ${from} cannot become ${to}`, { from, to });
    const moved = await tx.orm
      .update(orders)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(orders.id, orderId), eq(orders.status, from)))
      .returning({ id: orders.id });
    if (moved.length === 0) throw conflict("The order changed meanwhile; reload it and try again");
    await tx.orm
      .insert(orderStatusHistory)
      .values({ id: newId("osh"), orderId, fromStatus: from, status: to, actor, note });
    if (to === "cancelled") {
      const { orderItems } = ordersTables(tx);
      // Units a refund already restocked are on the shelf; the rest go back now, and the counter
      // says all are back, so a refund settling later restocks nothing twice.
      const unshelved = await tx.orm
        .select({
          variantId: orderItems.variantId,
          quantity: sql<number>`${orderItems.quantity} - ${orderItems.restockedQuantity}`.mapWith(Number),
        })
        .from(orderItems)
        .where(eq(orderItems.orderId, orderId));
      await tx.orm
        .update(orderItems)
        .set({ restockedQuantity: sql`${orderItems.quantity}` })
        .where(eq(orderItems.orderId, orderId));
      await restoreStock(
        tx,
        unshelved.filter((line) => line.quantity > 0),
      );
      await enqueue(tx, "void_order_payments", { orderId }, { jobKey: `void-payments:${orderId}` });
    }
    if (to === "shipped" || to === "delivered" || to === "cancelled") {
      // One job per order and status: a status is reached once, so this is one email per transition.
      await enqueue(
        tx,
        "send_order_status_email",
        { orderId, status: to },
        { jobKey: `order-status:${orderId}:${to}` },
      );
    }
    return { from, to };
  });
}
