/**
 * One order, all of it: lines, totals, address, payment, status history and the audit log. The
 * buttons offer only the moves the server's state machine allows from the current status.
 */

import { errorMessage } from "@shopwright/client";
import { addressLines } from "@shopwright/client/address";
import { Button } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { TextField } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { PostalAddress } from "@shopwright/ui/postal-address";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { AuditTrail } from "../../components/audit-trail.tsx";
import { Loading } from "../../components/layout.tsx";
import { Card, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { numberCell, Table } from "../../components/table.tsx";
import { trpc } from "../../lib/api.ts";
import type { OrderDetail, OrderStatus } from "../../lib/types.ts";
import styles from "./order-page.module.css";

const ACTION: Record<OrderStatus, string> = {
  placed: "Mark placed",
  processing: "Mark processing",
  shipped: "Mark shipped",
  delivered: "Mark delivered",
  cancelled: "Cancel order",
};

export function OrderPage() {
  const { id = "" } = useParams();
  const order = useQuery(trpc.admin.orders.byId.queryOptions({ id }));
  if (order.isPending) return <Loading />;
  if (order.isError) return <Notice tone="error">{errorMessage(order.error)}</Notice>;
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
          ). Refund it with the payment provider.
        </Notice>
      )}
      {data.trackingNumber && <Notice tone="info">Tracking number: {data.trackingNumber}</Notice>}
      <div className={styles.layout}>
        <div className={styles.column}>
          <Card title="Items">
            <Table
              label="Items"
              head={
                <tr>
                  <th>Product</th>
                  <th className={numberCell}>Unit price</th>
                  <th className={numberCell}>Quantity</th>
                  <th className={numberCell}>Line total</th>
                </tr>
              }
            >
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td className={numberCell}>{formatCents(item.unitPriceCents)}</td>
                  <td className={numberCell}>{item.quantity}</td>
                  <td className={numberCell}>{formatCents(item.unitPriceCents * item.quantity)}</td>
                </tr>
              ))}
            </Table>
            <div className={styles.totals}>
              <span>Subtotal</span>
              <span>{formatCents(data.subtotalCents)}</span>
              <span className={styles.total}>Total</span>
              <span className={styles.total}>{formatCents(data.totalCents)}</span>
            </div>
          </Card>
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
              <dl className={styles.facts}>
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
              </dl>
            ) : (
              <Muted>No payment recorded.</Muted>
            )}
          </Card>
          <Card title="Ship to">
            <PostalAddress lines={addressLines(address)} />
          </Card>
        </div>
      </div>
    </>
  );
}

function Transitions({ order }: { order: OrderDetail }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [tracking, setTracking] = useState("");
  const setStatus = useMutation(
    trpc.admin.orders.setStatus.mutationOptions({
      onSuccess: (updated) => {
        setNote("");
        setTracking("");
        queryClient.setQueryData(trpc.admin.orders.byId.queryKey({ id: order.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.admin.stats.queryKey() });
      },
      // Someone else may have moved it meanwhile: show what it is now.
      onError: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.byId.queryKey({ id: order.id }) }),
    }),
  );
  const move = (status: OrderStatus) => {
    if (status === "cancelled" && !window.confirm("Cancel this order? Its stock goes back on the shelf.")) return;
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
      {order.nextStatuses.length === 0 ? (
        <Muted>This order is {order.status}; nothing more happens to it.</Muted>
      ) : (
        <div className={styles.transitions}>
          {order.nextStatuses.includes("shipped") && (
            <TextField
              label="Tracking number (optional, sent to the customer)"
              value={tracking}
              onChange={(e) => setTracking(e.target.value)}
            />
          )}
          <TextField label="Note (optional, for the team)" value={note} onChange={(e) => setNote(e.target.value)} />
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
