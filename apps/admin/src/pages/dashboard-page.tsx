import { adminRoutes as routes } from "@shopwright/client/routes";
import { DataTable } from "@shopwright/ui/data-table";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { formatVariantOptions, type VariantOptions } from "@shopwright/ui/variant-options";
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
  const { ordersByStatus, revenue, lowStock, lowStockCount, lowStockThreshold, recentOrders } = stats.data;

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
        <LowStock items={lowStock} count={lowStockCount} threshold={lowStockThreshold} />
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

interface LowStockVariant {
  id: string;
  variantId: string;
  name: string;
  sku: string;
  options: VariantOptions;
  stock: number;
}

/**
 * The variants to reorder, each size and colour on its own ("Linen Shirt — Size M · Sand", 2
 * left), and how many there are in all: the list shows the scarcest ten.
 */
export function LowStock({ items, count, threshold }: { items: LowStockVariant[]; count: number; threshold: number }) {
  return (
    <section aria-label="Low stock">
      <h2 className={styles.sectionTitle}>Low stock (≤ {threshold})</h2>
      {count > 0 && (
        <p>
          <Muted>
            {count} variant{count === 1 ? "" : "s"} for sale with {threshold} or fewer left
            {count > items.length ? `; the ${items.length} scarcest:` : ""}
          </Muted>
        </p>
      )}
      <DataTable
        label="Low stock"
        rows={items}
        rowKey={(variant) => variant.variantId}
        empty="Every variant for sale is well stocked."
        columns={[
          {
            header: "Variant",
            cell: (variant) => (
              <>
                <Link to={routes.product.href({ id: variant.id })}>
                  {[variant.name, formatVariantOptions(variant.options)].filter(Boolean).join(" — ")}
                </Link>{" "}
                <Muted>{variant.sku}</Muted>
              </>
            ),
          },
          { header: "Stock", numeric: true, cell: (variant) => `${variant.stock} left` },
        ]}
      />
    </section>
  );
}
