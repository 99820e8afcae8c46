import { buttonClass } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { PostalAddress } from "@shopwright/ui/postal-address";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { StatusBadge, StatusTimeline } from "../components/order-status.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

/** While the payment is undecided the page polls, so it moves on by itself once the webhook lands. */
const POLL_MS = 1_000;

export function OrderPage() {
  usePageTitle("Your order");
  return (
    <RequireAuth>
      <OrderDetail />
    </RequireAuth>
  );
}

function OrderDetail() {
  const { id = "" } = useParams();
  const order = useQuery({
    ...trpc.orders.byId.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.status === "placed" ? POLL_MS : false),
  });

  if (order.isError) {
    if (order.error.data?.code === "NOT_FOUND") {
      return (
        <EmptyState title="Order not found" action={<Link to="/orders">See your orders</Link>}>
          This order does not exist or belongs to another account.
        </EmptyState>
      );
    }
    return <ErrorState error={order.error} onRetry={() => order.refetch()} />;
  }
  if (!order.data) {
    return (
      <Loading label="Loading order">
        <Skeleton height="2.2rem" width="50%" />
        <Skeleton height="16rem" style={{ marginTop: "1rem" }} />
      </Loading>
    );
  }

  const { data } = order;
  const address = data.shippingAddress;
  const awaitingPayment = data.status === "placed" && data.payment?.status === "pending";
  return (
    <>
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1>Your order</h1>
      <p className={styles.muted}>
        Order number <code>{data.id}</code>
      </p>
      <p aria-live="polite">
        <StatusBadge status={data.status} />
      </p>
      {awaitingPayment && (
        <div className={styles.notice}>
          <p>We are waiting for your payment to be confirmed. This page updates by itself.</p>
          {data.paymentUrl && (
            <a href={data.paymentUrl} className={buttonClass({ variant: "secondary" })}>
              Go to payment
            </a>
          )}
        </div>
      )}
      {data.status === "cancelled" && (
        <p className={styles.notice}>This order was cancelled and nothing was charged. The items are back in stock.</p>
      )}
      <div className={styles.twoColumns}>
        <section className={styles.panel} aria-label="Items">
          <h2>Items</h2>
          {data.items.map((item) => (
            <div key={item.productId} className={styles.summaryRow}>
              <span>
                {item.name} × {item.quantity}
              </span>
              <span>{formatCents(item.lineTotalCents)}</span>
            </div>
          ))}
          <div className={`${styles.summaryRow} ${styles.total}`}>
            <span>Total</span>
            <span>{formatCents(data.totalCents)}</span>
          </div>
          <h2 className={styles.spaced}>Ships to</h2>
          <PostalAddress address={address} />
        </section>
        <aside className={styles.panel} aria-label="Status">
          <h2>Status</h2>
          <StatusTimeline history={data.statusHistory} />
          <p className={styles.muted}>Placed {formatDateTime(data.createdAt)}</p>
        </aside>
      </div>
    </>
  );
}
