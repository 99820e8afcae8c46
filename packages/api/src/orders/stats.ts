/** The dashboard's numbers: orders by status, paid revenue over three windows, stock to reorder. */
import { capturedPaymentStatuses, type Db, type OrderStatus, orderStatuses } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { and, count, eq, gte, inArray, ne, sql, sum } from "drizzle-orm";
import { lowStockVariants } from "../catalog/stock.ts";
import { listOrders } from "./queries.ts";

export const LOW_STOCK_THRESHOLD = 5;
const DAY_MS = 86_400_000;

export async function adminStats(db: Db, now = new Date()) {
  const { orders } = ordersTables(db);
  const { payments } = ordersTables(db);
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

  /**
   * Revenue is what customers paid for orders that still stand (a cancelled order is refunded), net
   * of refunds: those given and those under way, whose money is already promised back.
   */
  const revenueSince = async (since: Date) => {
    const [row] = await db.orm
      .select({
        cents: sum(sql`${payments.amountCents} - ${payments.refundClaimedCents}`).mapWith(Number),
        orders: count(),
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(
        and(
          inArray(payments.status, capturedPaymentStatuses),
          ne(orders.status, "cancelled"),
          gte(orders.createdAt, since),
        ),
      );
    return { cents: row?.cents ?? 0, orders: row?.orders ?? 0 };
  };

  const [byStatus, today, last7Days, last30Days, lowStock, recentOrders] = await Promise.all([
    db.orm.select({ status: orders.status, n: count() }).from(orders).groupBy(orders.status),
    revenueSince(startOfToday),
    revenueSince(new Date(now.getTime() - 7 * DAY_MS)),
    revenueSince(new Date(now.getTime() - 30 * DAY_MS)),
    lowStockVariants(db, LOW_STOCK_THRESHOLD, 10),
    listOrders(db, { page: 1, pageSize: 8 }).then((page) => page.items),
  ]);

  const ordersByStatus = Object.fromEntries(orderStatuses.map((status) => [status, 0])) as Record<OrderStatus, number>;
  for (const row of byStatus) ordersByStatus[row.status] = row.n;
  return {
    ordersByStatus,
    revenue: { today, last7Days, last30Days },
    lowStock: lowStock.items,
    /** How many variants for sale are at or below the threshold, beyond the ten listed. */
    lowStockCount: lowStock.count,
    lowStockThreshold: LOW_STOCK_THRESHOLD,
    recentOrders,
  };
}
