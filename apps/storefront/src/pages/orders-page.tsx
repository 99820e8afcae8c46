import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { buttonClass } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { Pagination } from "@shopwright/ui/pagination";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { orderLabel, StatusBadge } from "../components/order-status.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./orders-page.module.css";
import pageStyles from "./page.module.css";

export function OrdersPage() {
  usePageTitle("Your orders");
  return (
    <RequireAuth>
      <OrderHistory />
    </RequireAuth>
  );
}

function OrderHistory() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const orders = useQuery({ ...trpc.orders.list.queryOptions({ page }), placeholderData: keepPreviousData });
  const me = useQuery(trpc.auth.me.queryOptions());

  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => orders.refetch()} />;
  return (
    <>
      <h1>Your orders</h1>
      {me.data && !me.data.emailVerified && (
        <p className={pageStyles.notice} role="note">
          Orders you placed without an account, with {me.data.email}, show here once you confirm that address: follow
          the link we emailed you, or <Link to={routes.account.href()}>have it sent again</Link>.
        </p>
      )}
      {!orders.data ? (
        <Skeleton height="12rem" />
      ) : orders.data.items.length === 0 ? (
        <EmptyState
          title="No orders yet"
          action={
            <Link to="/search" className={buttonClass({ variant: "primary" })}>
              Start shopping
            </Link>
          }
        >
          When you place an order it shows up here.
        </EmptyState>
      ) : (
        <ul className={styles.list}>
          {orders.data.items.map((order) => (
            <li key={order.id}>
              <Link to={routes.order.href({ id: order.id })} className={styles.row}>
                <span className={styles.number}>Order {orderLabel(order.number)}</span>
                <span className={styles.date}>{formatDateTime(order.createdAt)}</span>
                <StatusBadge status={order.status} />
                <span className={styles.total}>{formatCents(order.totalCents)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {orders.data && orders.data.total > orders.data.pageSize && (
        <Pagination
          page={page}
          pageSize={orders.data.pageSize}
          total={orders.data.total}
          onPage={(next) => setParams({ page: String(next) })}
        />
      )}
      <p className={pageStyles.muted}>
        Ordered with another email? <Link to={routes.findOrder.href()}>Find my order</Link>
      </p>
    </>
  );
}
