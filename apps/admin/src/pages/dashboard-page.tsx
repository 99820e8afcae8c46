import { adminRoutes as routes } from "@shopwright/client/routes";
import { DataTable } from "@shopwright/ui/data-table";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Loading } from "../components/layout.tsx";
import { Card, Grid, LoadError, Muted, PageHeader } from "../components/page.tsx";
import { StatusBadge } from "../components/status-badge.tsx";
import { trpc } from "../lib/api.ts";
import styles from "./dashboard-page.module.css";

export function DashboardPage() {
  const stats = useQuery({ ...trpc.admin.stats.queryOptions(), refetchInterval: 30_000 });
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => stats.refetch()} />;
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
          <DataTable
            label="Low stock"
            rows={lowStock}
            rowKey={(product) => product.id}
            empty="Every active product is well stocked."
            columns={[
              {
                header: "Product",
                cell: (product) => <Link to={routes.product.href({ id: product.id })}>{product.name}</Link>,
              },
              { header: "Stock", numeric: true, cell: (product) => product.stock },
            ]}
          />
        </section>
        <section aria-label="Recent orders">
          <h2 className={styles.sectionTitle}>Recent orders</h2>
          <DataTable
            label="Recent orders"
            rows={recentOrders}
            rowKey={(order) => order.id}
            empty="No orders yet."
            columns={[
              {
                header: "Order",
                cell: (order) => <Link to={routes.order.href({ id: order.id })}>#{order.number}</Link>,
              },
              { header: "Customer", cell: (order) => order.email },
              { header: "Status", cell: (order) => <StatusBadge status={order.status} /> },
              { header: "Total", numeric: true, cell: (order) => formatCents(order.totalCents) },
              { header: "Placed", cell: (order) => formatDateTime(order.createdAt) },
            ]}
          />
        </section>
      </div>
    </>
  );
}
