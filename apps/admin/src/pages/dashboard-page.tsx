import { errorMessage } from "@shopwright/client";
import { adminRoutes as routes } from "@shopwright/client/routes";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Loading } from "../components/layout.tsx";
import { Card, Grid, Muted, Notice, PageHeader } from "../components/page.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { numberCell, Table } from "../components/table.tsx";
import { trpc } from "../lib/api.ts";
import styles from "./dashboard-page.module.css";

export function DashboardPage() {
  const stats = useQuery({ ...trpc.admin.stats.queryOptions(), refetchInterval: 30_000 });
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <Notice tone="error">{errorMessage(stats.error)}</Notice>;
  const { ordersByStatus, revenue, lowStock, lowStockThreshold, recentOrders } = stats.data;

  return (
    <>
      <PageHeader title="Dashboard" subtitle="Revenue counts paid orders that were not cancelled." />
      <Grid>
        {(
          [
            ["Revenue today", revenue.today],
            ["Last 7 days", revenue.last7Days],
            ["Last 30 days", revenue.last30Days],
          ] as const
        ).map(([label, window]) => (
          <Card key={label}>
            <div className={styles.stat}>
              <span className={styles.label}>{label}</span>
              <span className={styles.value}>{formatCents(window.cents)}</span>
              <Muted>
                {window.orders} paid order{window.orders === 1 ? "" : "s"}
              </Muted>
            </div>
          </Card>
        ))}
      </Grid>

      <div className={styles.section}>
        <Card title="Orders by status">
          <div className={styles.statuses}>
            {Object.entries(ordersByStatus).map(([status, count]) => (
              <Link key={status} to={`/orders?status=${status}`} className={styles.statusLink}>
                <StatusBadge status={status} />
                <span className={styles.value}>{count}</span>
              </Link>
            ))}
          </div>
        </Card>
      </div>

      <div className={styles.columns}>
        <section aria-label="Low stock">
          <h2 className={styles.sectionTitle}>Low stock (≤ {lowStockThreshold})</h2>
          <Table
            label="Low stock"
            head={
              <tr>
                <th>Product</th>
                <th className={numberCell}>Stock</th>
              </tr>
            }
            empty={lowStock.length === 0 && "Every active product is well stocked."}
          >
            {lowStock.map((product) => (
              <tr key={product.id}>
                <td>
                  <Link to={routes.product.href({ id: product.id })}>{product.name}</Link>
                </td>
                <td className={numberCell}>{product.stock}</td>
              </tr>
            ))}
          </Table>
        </section>
        <section aria-label="Recent orders">
          <h2 className={styles.sectionTitle}>Recent orders</h2>
          <Table
            label="Recent orders"
            head={
              <tr>
                <th>Customer</th>
                <th>Status</th>
                <th className={numberCell}>Total</th>
                <th>Placed</th>
              </tr>
            }
            empty={recentOrders.length === 0 && "No orders yet."}
          >
            {recentOrders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link to={routes.order.href({ id: order.id })}>{order.email}</Link>
                </td>
                <td>
                  <StatusBadge status={order.status} />
                </td>
                <td className={numberCell}>{formatCents(order.totalCents)}</td>
                <td>{formatDateTime(order.createdAt)}</td>
              </tr>
            ))}
          </Table>
        </section>
      </div>
    </>
  );
}
