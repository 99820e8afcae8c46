import { type AppRouter, errorMessage } from "@shopwright/client";
import { addressLines } from "@shopwright/client/address";
import { Button, buttonClass } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { formatCents } from "@shopwright/ui/money";
import { orderMoneyParts } from "@shopwright/ui/money-rows";
import { PostalAddress } from "@shopwright/ui/postal-address";
import { type UseQueryResult, useMutation } from "@tanstack/react-query";
import type { TRPCClientErrorLike } from "@trpc/client";
import type { ReactNode } from "react";
import { trpc } from "../lib/api.ts";
import type { Order } from "../lib/types.ts";
import styles from "../pages/page.module.css";
import { orderLabel, StatusBadge, StatusTimeline } from "./order-status.tsx";
import { OrderSummary } from "./order-summary.tsx";
import { Loading, Skeleton } from "./skeleton.tsx";
import { ErrorState } from "./status-message.tsx";

/** While the payment is undecided the page polls, so it moves on by itself once the webhook lands. */
const POLL_MS = 1_000;

/** For an order's query: ask again while the order waits for its payment. */
export const pollWhilePlaced = (query: { state: { data?: Order | undefined } }) =>
  query.state.data?.status === "placed" ? POLL_MS : false;

/** A refund as the shopper reads it: the money is on its way back only once the provider says so. */
const REFUND_STATUS = {
  pending: "being refunded",
  succeeded: "refunded",
  failed: "could not be refunded; we will be in touch",
} as const;

/**
 * One order as its shopper reads it — status, timeline, tracking, money, refunds, and paying again
 * while that is allowed — whether it was opened from the account (by id) or from an order link (by
 * its token): `retryWith` is what identifies the order to `orders.retryPayment`.
 */
export function OrderView({
  order,
  retryWith,
  notFound,
  before,
  after,
}: {
  order: UseQueryResult<Order, TRPCClientErrorLike<AppRouter>>;
  retryWith: { id: string } | { token: string };
  /** Shown when the server answers NOT_FOUND. */
  notFound: ReactNode;
  /** Above the heading (a way back). */
  before?: ReactNode;
  /** Below the order, given it once loaded. */
  after?: (order: Order) => ReactNode;
}) {
  const retry = useMutation(
    trpc.orders.retryPayment.mutationOptions({
      onSuccess: ({ paymentUrl }) => {
        if (paymentUrl) window.location.assign(paymentUrl);
        else void order.refetch();
      },
      onError: () => void order.refetch(),
    }),
  );

  if (order.isError) {
    if (order.error.data?.code === "NOT_FOUND") return notFound;
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
  const declined = data.status === "placed" && data.payment?.status === "failed";
  const paid =
    data.payment?.status !== undefined && data.payment.status !== "pending" && data.payment.status !== "failed";
  return (
    <>
      {before}
      <h1>
        Order <span className={styles.orderNumber}>{orderLabel(data.number)}</span>
      </h1>
      <p aria-live="polite">
        <StatusBadge status={data.status} />
      </p>
      {data.status === "processing" && (
        <div className={`${styles.notice} ${styles.success}`} role="status">
          <p>
            <strong>Thank you for your order!</strong> Your payment was received and we are preparing your order. A
            confirmation is on its way to your inbox.
          </p>
        </div>
      )}
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
      {declined && (
        <div className={styles.notice} role="alert">
          <p>
            <strong>Your payment did not go through.</strong> Nothing was charged, and your items are held for you until{" "}
            {formatDateTime(data.payment!.expiresAt)}.
          </p>
          {data.canRetryPayment && (
            <Button type="button" onClick={() => retry.mutate(retryWith)} disabled={retry.isPending}>
              {retry.isPending ? "Opening payment…" : "Try paying again"}
            </Button>
          )}
          {retry.isError && <p className={styles.error}>{errorMessage(retry.error)}</p>}
        </div>
      )}
      {data.status === "cancelled" && (
        <p className={styles.notice}>
          {paid
            ? "This order was cancelled. Your payment will be refunded; the items are back in stock."
            : "This order was cancelled and nothing was charged. The items are back in stock."}
        </p>
      )}
      {data.trackingNumber && (
        <p className={styles.notice}>
          Tracking number: <strong className={styles.tracking}>{data.trackingNumber}</strong>
        </p>
      )}
      <div className={styles.twoColumns}>
        <OrderSummary
          title="Items"
          lines={data.items.map((item) => ({
            key: item.variantId,
            name: item.name,
            options: item.options,
            quantity: item.quantity,
            totalCents: item.lineTotalCents,
          }))}
          totals={orderMoneyParts(data)}
        >
          <h2 className={styles.spaced}>Ships to</h2>
          <PostalAddress lines={addressLines(address)} />
        </OrderSummary>
        <aside className={styles.panel} aria-label="Status">
          <h2>Status</h2>
          <StatusTimeline history={data.statusHistory} status={data.status} />
          <p className={styles.muted}>Placed {formatDateTime(data.createdAt)}</p>
          {data.refunds.length > 0 && (
            <>
              <h2 className={styles.spaced}>Refunds</h2>
              <ul className={styles.plainList} aria-label="Refunds">
                {data.refunds.map((refund) => (
                  <li key={refund.id}>
                    <strong>{formatCents(refund.amountCents)}</strong> {REFUND_STATUS[refund.status]},{" "}
                    {formatDateTime(refund.at)}
                    <br />
                    <span className={styles.muted}>{refund.reason}</span>
                  </li>
                ))}
              </ul>
              <p>
                Refunded in all: <strong>{formatCents(data.refundedCents)}</strong>
              </p>
            </>
          )}
        </aside>
      </div>
      {after?.(data)}
    </>
  );
}
