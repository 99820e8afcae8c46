/** The shopper's view of orders: their list, newest first, and one order in full. */
import { type Db, isCaptured, jsonRows, type OrderPricing, type OrderStatus, type PaymentStatus } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, count, desc, eq, exists, inArray, isNotNull, ne, or, type SQL, sql } from "drizzle-orm";
import { nameContains, nameOf } from "../auth/people.ts";
import { notFound } from "../errors.ts";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import { lineTotal } from "../lib/money.ts";

export interface OrderFilter extends Page {
  /** One customer's orders (the shopper's own list); every customer's when absent (the back office). */
  userId?: string;
  status?: OrderStatus;
  /** A case-insensitive part of the customer's email. */
  email?: string;
  /** An order number (`1042` or `#1042`), or a case-insensitive part of the customer's email or name. */
  q?: string;
}

/** The orders a filter selects: the back office's list and its CSV export ask the same question. */
export function orderConditions(db: Db, filter: Omit<OrderFilter, keyof Page>): SQL | undefined {
  const { orders } = ordersTables(db);
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(orders.userId, filter.userId));
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.email) conditions.push(containsText(orders.email, filter.email));
  if (filter.q) {
    const number = /^#?\s*(\d{1,9})$/.exec(filter.q)?.[1];
    const matches = [containsText(orders.email, filter.q), nameContains(db, orders.userId, filter.q)];
    if (number) matches.push(eq(orders.number, Number(number)));
    conditions.push(or(...matches) as SQL);
  }
  return and(...conditions);
}

/**
 * Who an order is for, as every view names them: the account's name (user_id references users ON
 * DELETE RESTRICT), or, for a guest's order that has no account, the name it ships to. Select
 * `customerNameColumns` and read the row with `customerNameOf`.
 */
export function customerNameColumns(db: Db) {
  const { orders } = ordersTables(db);
  return { accountName: nameOf(db, orders.userId).mapWith(String), shipsTo: orders.shippingAddress };
}

export function customerNameOf<Row extends { accountName: string | null; shipsTo: { name: string } }>(
  row: Row,
): Omit<Row, "accountName" | "shipsTo"> & { customerName: string } {
  const { accountName, shipsTo, ...rest } = row;
  return { ...rest, customerName: accountName ?? shipsTo.name };
}

/**
 * Orders newest first, a page at a time, with their latest payment attempt's status, whether any
 * attempt took money that needs refunding, and how many lines they hold.
 */
export async function listOrders(db: Db, filter: OrderFilter) {
  const { orders, orderItems } = ordersTables(db);
  const { payments } = ordersTables(db);
  const where = orderConditions(db, filter);
  const itemCount = db.orm.select({ n: count() }).from(orderItems).where(eq(orderItems.orderId, orders.id));
  const latestPayment = db.orm
    .select({ status: payments.status })
    .from(payments)
    .where(eq(payments.orderId, orders.id))
    .orderBy(desc(payments.attempt))
    .limit(1);
  // Subquery builders, whose columns stay qualified in this one-table query's selection.
  const refundNeeded = db.orm
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.orderId, orders.id), isNotNull(payments.refundNeededAt), ne(payments.status, "refunded")));
  return pageOf(
    filter,
    db.orm
      .select({
        id: orders.id,
        number: orders.number,
        email: orders.email,
        ...customerNameColumns(db),
        status: orders.status,
        totalCents: orders.totalCents,
        paymentStatus: sql<PaymentStatus | null>`(${latestPayment})`,
        needsRefund: sql<boolean>`${exists(refundNeeded)}`.mapWith(Boolean),
        itemCount: sql<number>`(${itemCount})`.mapWith(Number),
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(where)
      // Ids are UUIDv7, so they break ties between orders placed in the same millisecond.
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter))
      .then((rows) => rows.map(customerNameOf)),
    db.orm.select({ total: count() }).from(orders).where(where),
  );
}

/**
 * An order by id with its customer's name, lines, status history and payment, or NOT_FOUND: the one
 * way an order is loaded for display (shopper, back office, confirmation email). Who may see it is
 * the caller's check, and so is which of these fields they are shown.
 */
export async function loadOrder(db: Db, orderId: string) {
  const { orders, orderItems, orderStatusHistory, payments } = ordersTables(db);
  // One statement: the lines, history and attempts travel in the order's row (json-rows.ts).
  const [row] = await db.orm
    .select({
      order: orders,
      ...customerNameColumns(db),
      items: jsonRows(
        db,
        {
          id: orderItems.id,
          productId: orderItems.productId,
          variantId: orderItems.variantId,
          sku: orderItems.sku,
          options: orderItems.options,
          name: orderItems.name,
          unitPriceCents: orderItems.unitPriceCents,
          quantity: orderItems.quantity,
          discountCents: orderItems.discountCents,
          taxCents: orderItems.taxCents,
          totalCents: orderItems.totalCents,
        },
        sql`${orderItems} where ${orderItems.orderId} = ${orders.id}`,
        sql`${orderItems.name}, ${orderItems.sku}`,
      ),
      statusHistory: jsonRows(
        db,
        {
          fromStatus: orderStatusHistory.fromStatus,
          status: orderStatusHistory.status,
          actor: orderStatusHistory.actor,
          note: orderStatusHistory.note,
          at: orderStatusHistory.createdAt,
        },
        sql`${orderStatusHistory} where ${orderStatusHistory.orderId} = ${orders.id}`,
        sql`${orderStatusHistory.createdAt}, ${orderStatusHistory.id}`,
      ),
      attempts: jsonRows(
        db,
        {
          id: payments.id,
          attempt: payments.attempt,
          status: payments.status,
          amountCents: payments.amountCents,
          paymentUrl: payments.paymentUrl,
          expiresAt: payments.expiresAt,
          refundNeededAt: payments.refundNeededAt,
          updatedAt: payments.updatedAt,
        },
        sql`${payments} where ${payments.orderId} = ${orders.id}`,
        sql`${payments.attempt}`,
      ),
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) throw notFound("Order");
  const { items, statusHistory, attempts, ...named } = row;
  const { order: stored, customerName } = customerNameOf(named);
  const order = { ...stored, customerName };
  // The latest attempt is the order's payment; earlier ones matter only if they need a refund.
  return { order, items, statusHistory, payment: attempts.at(-1) ?? null, attempts };
}

/** One of the user's own orders; anyone else's is NOT_FOUND, exactly like a missing one. */
export async function orderDetail(db: Db, userId: string, orderId: string) {
  const loaded = await loadOrder(db, orderId);
  if (loaded.order.userId !== userId) throw notFound("Order");
  return shopperView(loaded);
}

/** The order an order link opens (order-links.ts), read exactly as its owner reads it. */
export async function linkedOrderDetail(db: Db, orderId: string) {
  return shopperView(await loadOrder(db, orderId));
}

/** What a shopper is shown of an order: never who else it concerns, nor the back office's notes. */
export function shopperView({
  order,
  items,
  statusHistory,
  payment,
}: Pick<Awaited<ReturnType<typeof loadOrder>>, "order" | "items" | "statusHistory" | "payment">) {
  return {
    id: order.id,
    number: order.number,
    /** Where the order's emails go (a guest's thank-you page offers an account with it filled in). */
    email: order.email,
    status: order.status,
    trackingNumber: order.trackingNumber,
    items: items.map((item) => ({ ...item, lineTotalCents: lineTotal(item.unitPriceCents, item.quantity) })),
    ...orderTotals(order),
    shippingAddress: order.shippingAddress,
    statusHistory: statusHistory.map(({ status, at, actor }) => ({ status, at, actor })),
    payment: payment
      ? { id: payment.id, status: payment.status, amountCents: payment.amountCents, expiresAt: payment.expiresAt }
      : null,
    // Only an order still waiting for its money has somewhere to pay.
    paymentUrl: order.status === "placed" && payment?.status === "pending" ? payment.paymentUrl : null,
    /** A declined or abandoned payment can be tried again until the deadline (`orders.retryPayment`). */
    canRetryPayment:
      order.status === "placed" && payment !== null && !isCaptured(payment.status) && payment.expiresAt > new Date(),
    createdAt: order.createdAt,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;

/** Which of these variants some order holds: the catalog archives those instead of deleting them. */
export async function variantsOrdered(db: Db, variantIds: readonly string[]): Promise<ReadonlySet<string>> {
  const { orderItems } = ordersTables(db);
  const rows = await db.orm
    .selectDistinct({ variantId: orderItems.variantId })
    .from(orderItems)
    .where(inArray(orderItems.variantId, [...variantIds]));
  return new Set(rows.map((r) => r.variantId));
}

/**
 * The order's money as it was priced at checkout, read from what it stored: every screen, email and
 * export shows these, never a recomputation from today's rules.
 */
export function orderTotals(order: {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  pricing: OrderPricing | null;
}) {
  return {
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    taxIncluded: order.pricing?.taxIncluded ?? false,
    /** The delivery method charged: name, estimate in words, price. */
    shippingMethod: order.pricing?.shippingMethod ?? null,
    /** The code used and what it took off. */
    discount: order.pricing?.discount ?? null,
    taxRate: order.pricing?.taxRate ?? null,
  };
}

/** Whether any order holds the product: the catalog's edit form offers Archive instead of Delete. */
export async function productOrdered(db: Db, productId: string): Promise<boolean> {
  const { orderItems } = ordersTables(db);
  const rows = await db.orm
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(eq(orderItems.productId, productId))
    .limit(1);
  return rows.length > 0;
}
