/**
 * One order, all of it: lines, totals, address, payment, status history and the audit log. The
 * buttons offer only the moves the server's state machine allows from the current status.
 */

import { errorMessage, formErrors } from "@shopwright/client";
import { addressLines } from "@shopwright/client/address";
import { Button } from "@shopwright/ui/button";
import { DataTable } from "@shopwright/ui/data-table";
import { formatDateTime } from "@shopwright/ui/date";
import { FormError, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { formatCents } from "@shopwright/ui/money";
import { moneyRows, orderMoneyParts } from "@shopwright/ui/money-rows";
import { PostalAddress } from "@shopwright/ui/postal-address";
import { formatVariantOptions } from "@shopwright/ui/variant-options";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useParams } from "react-router";
import { AuditTrail } from "../../components/audit-trail.tsx";
import { Loading } from "../../components/layout.tsx";
import { Card, Facts, LoadError, MainAndSide, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { StatusBadge, statusLabel } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import type { OrderDetail, OrderStatus } from "../../lib/types.ts";
import styles from "./order-page.module.css";
import { fullRefund, REFUNDS_ANCHOR, RefundCard } from "./refund-card.tsx";

const ACTION: Record<OrderStatus, string> = {
  placed: "Mark placed",
  processing: "Mark processing",
  shipped: "Mark shipped",
  delivered: "Mark delivered",
  cancelled: "Cancel order",
};

export function OrderPage() {
  const { id = "" } = useParams();
  const order = useQuery({
    ...trpc.admin.orders.byId.queryOptions({ id }),
    // A refund is settled by the provider's webhook a moment after it is asked for.
    refetchInterval: (query) => (query.state.data?.refunds.some((r) => r.status === "pending") ? 1_000 : false),
  });
  if (order.isPending) return <Loading />;
  if (order.isError) return <LoadError error={order.error} onRetry={() => order.refetch()} />;
  const data = order.data;
  const address = data.shippingAddress;

  return (
    <>
      <PageHeader
        title={`Order #${data.number}`}
        subtitle={
          <>
            <StatusBadge status={data.status} /> placed {formatDateTime(data.createdAt)} by {data.customerName} (
            {data.email})
            {data.placedAsGuest &&
              (data.userId ? " as a guest, since linked to their verified account" : " as a guest")}
          </>
        }
      />
      {data.needsRefund && (
        <Notice tone="error">
          Refund needed: a payment was taken for this order after it could no longer use it (
          {data.paymentAttempts
            .filter((a) => a.refundNeededAt)
            .map((a) => `${formatCents(a.amountCents)}, payment ${a.id}`)
            .join("; ")}
          ). <a href={`#${REFUNDS_ANCHOR}`}>Refund it below.</a>
        </Notice>
      )}
      {data.trackingNumber && <Notice tone="info">Tracking number: {data.trackingNumber}</Notice>}
      <MainAndSide>
        <div className={styles.column}>
          <Card title="Items">
            <DataTable
              label="Items"
              rows={data.items}
              rowKey={(item) => item.id}
              columns={[
                {
                  header: "Product",
                  cell: (item) => (
                    <>
                      {item.name}
                      <br />
                      <Muted>{[formatVariantOptions(item.options), item.sku].filter(Boolean).join(" · ")}</Muted>
                    </>
                  ),
                },
                { header: "Unit price", numeric: true, cell: (item) => formatCents(item.unitPriceCents) },
                { header: "Quantity", numeric: true, cell: (item) => item.quantity },
                {
                  header: "Line total",
                  numeric: true,
                  cell: (item) => formatCents(item.unitPriceCents * item.quantity),
                },
              ]}
            />
            <div className={styles.totals}>
              {moneyRows(orderMoneyParts(data)).map((row) => (
                <Fragment key={row.kind}>
                  <span className={row.kind === "total" ? styles.total : undefined}>{row.label}</span>
                  <span className={row.kind === "total" ? styles.total : undefined}>{formatCents(row.cents)}</span>
                </Fragment>
              ))}
            </div>
          </Card>
          <RefundCard order={data} />
          <Card title="Status history">
            <ol className={styles.history} aria-label="Status history">
              {data.statusHistory.map((entry) => (
                <li key={`${entry.status}-${new Date(entry.at).valueOf()}`}>
                  <StatusBadge status={entry.status} />
                  <span>{formatDateTime(entry.at)}</span>
                  <Muted>
                    by {entry.actorEmail ?? entry.actor}
                    {entry.note ? ` — ${entry.note}` : ""}
                  </Muted>
                </li>
              ))}
            </ol>
          </Card>
          <AuditTrail entries={data.audit} />
        </div>
        <div className={styles.column}>
          <Transitions order={data} />
          <Card title="Payment">
            {data.payment ? (
              <Facts>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={data.payment.status} />
                </dd>
                <dt>Amount</dt>
                <dd>{formatCents(data.payment.amountCents)}</dd>
                <dt>Reference</dt>
                <dd>{data.payment.id}</dd>
                <dt>Updated</dt>
                <dd>{formatDateTime(data.payment.updatedAt)}</dd>
              </Facts>
            ) : (
              <Muted>No payment recorded.</Muted>
            )}
          </Card>
          <Card title="Ship to">
            <PostalAddress lines={addressLines(address)} />
          </Card>
        </div>
      </MainAndSide>
    </>
  );
}

function Transitions({ order }: { order: OrderDetail }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [tracking, setTracking] = useState("");
  const paid = order.refundableCents > 0;
  const [refundOnCancel, setRefundOnCancel] = useState(true);
  const refund = useMutation(
    trpc.admin.orders.refund.mutationOptions({
      onSettled: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.byId.queryKey({ id: order.id }) }),
    }),
  );
  const setStatus = useMutation(
    trpc.admin.orders.setStatus.mutationOptions({
      onSuccess: (updated) => {
        setNote("");
        setTracking("");
        queryClient.setQueryData(trpc.admin.orders.byId.queryKey({ id: order.id }), updated);
        // Cancelling a paid order gives the money back in the same step, unless the admin said not to.
        if (updated.status === "cancelled" && paid && refundOnCancel) {
          refund.mutate(fullRefund(updated, note.trim() || "Order cancelled"));
        }
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.stats.queryKey() });
      },
      // Someone else may have moved it meanwhile: show what it is now.
      onError: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.byId.queryKey({ id: order.id }) }),
    }),
  );
  const move = (status: OrderStatus) => {
    const cancelQuestion =
      paid && refundOnCancel
        ? `Cancel this order and refund ${formatCents(order.refundableCents)}? Its stock goes back on the shelf.`
        : "Cancel this order? Its stock goes back on the shelf.";
    if (status === "cancelled" && !window.confirm(cancelQuestion)) return;
    // A parcel can go without tracking (a letter, a local courier), so a blank number is allowed,
    // but asked about: the customer will have nothing to follow. It can be added afterwards.
    if (
      status === "shipped" &&
      !tracking.trim() &&
      !window.confirm(
        "Ship without a tracking number? The customer will have no way to follow the parcel. You can add the number later, on this page.",
      )
    ) {
      return;
    }
    setStatus.mutate({
      id: order.id,
      status,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(status === "shipped" && tracking.trim() ? { trackingNumber: tracking.trim() } : {}),
    });
  };
  return (
    <Card title="Next step">
      {setStatus.isError && <Notice tone="error">{errorMessage(setStatus.error)}</Notice>}
      {refund.isError && <Notice tone="error">Cancelled, but the refund failed: {errorMessage(refund.error)}</Notice>}
      {order.status === "shipped" && <TrackingForm order={order} />}
      {order.nextStatuses.length === 0 ? (
        <Muted>This order is {statusLabel(order.status).toLowerCase()}; nothing more happens to it.</Muted>
      ) : (
        <div className={styles.transitions}>
          {order.nextStatuses.includes("shipped") && (
            <TextField
              label="Tracking number (sent to the customer)"
              name="trackingNumber"
              value={tracking}
              onChange={(e) => setTracking(e.target.value)}
            />
          )}
          <TextField label="Note (optional, for the team)" value={note} onChange={(e) => setNote(e.target.value)} />
          {paid && order.nextStatuses.includes("cancelled") && (
            <label className={styles.checkbox}>
              <input type="checkbox" checked={refundOnCancel} onChange={(e) => setRefundOnCancel(e.target.checked)} />
              When cancelling, refund the full {formatCents(order.refundableCents)}
            </label>
          )}
          <div className={styles.buttons}>
            {order.nextStatuses.map((status) => (
              <Button
                key={status}
                variant={status === "cancelled" ? "danger" : "primary"}
                disabled={setStatus.isPending}
                onClick={() => move(status)}
              >
                {ACTION[status]}
              </Button>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}

/**
 * A shipped order's tracking number, added or corrected: the customer's order page shows it at
 * once and an email tells them.
 */
function TrackingForm({ order }: { order: OrderDetail }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.admin.orders.setTracking.mutationOptions({
      onSuccess: (updated) => {
        setSaved(true);
        queryClient.setQueryData(trpc.admin.orders.byId.queryKey({ id: order.id }), updated);
      },
    }),
  );
  const form = useForm({
    validate: (data): Record<string, string> =>
      String(data.get("trackingNumber") ?? "").trim() ? {} : { trackingNumber: "Enter the tracking number" },
    server: formErrors(update.error),
  });
  return (
    <form
      className={styles.tracking}
      {...form.props((data) => {
        setSaved(false);
        update.mutate({ id: order.id, trackingNumber: String(data.get("trackingNumber")).trim() });
      })}
    >
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField
        label={order.trackingNumber ? "Tracking number" : "Tracking number (none given yet)"}
        name="trackingNumber"
        defaultValue={order.trackingNumber ?? ""}
        hint="Correct it or add it: the customer's order page shows it and an email tells them."
        error={form.error("trackingNumber")}
        onChange={() => setSaved(false)}
      />
      <div className={styles.buttons}>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : order.trackingNumber ? "Update tracking number" : "Add tracking number"}
        </Button>
        <span role="status">{saved && "Saved. The customer has been told."}</span>
      </div>
    </form>
  );
}
