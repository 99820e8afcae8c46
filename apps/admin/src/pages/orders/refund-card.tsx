/**
 * Refunds of a paid order: what was paid, refunded and can still be refunded, every refund with
 * its outcome, and the form that asks for one (lines or some of their units, each restocked or
 * not, shipping, a custom amount, a reason). The provider settles a refund a moment later, so the
 * order is read again until none is pending.
 */
import { errorMessage } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { formatDateTime } from "@shopwright/ui/date";
import { TextField } from "@shopwright/ui/field";
import { formatCents, parseDollars } from "@shopwright/ui/money";
import { nameWithOptions } from "@shopwright/ui/variant-options";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Card, Facts, Muted, Notice } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import type { OrderDetail } from "../../lib/types.ts";
import orderStyles from "./order-page.module.css";
import styles from "./refund-card.module.css";

const newKey = () => `refund-${crypto.randomUUID()}`;

/** Where the "Refund needed" flags lead: the order page scrolled to this card. */
export const REFUNDS_ANCHOR = "refunds";

export function RefundCard({ order }: { order: OrderDetail }) {
  const section = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (window.location.hash === `#${REFUNDS_ANCHOR}`) section.current?.scrollIntoView();
  }, []);
  return (
    <div id={REFUNDS_ANCHOR} ref={section}>
      <Card title="Refunds">
        <Facts>
          <dt>Paid</dt>
          <dd>{formatCents(order.paidCents)}</dd>
          <dt>Refunded</dt>
          <dd>{formatCents(order.refundedCents)}</dd>
          <dt>Refundable</dt>
          <dd>{formatCents(order.refundableCents)}</dd>
        </Facts>
        {order.refunds.length > 0 && (
          <ol className={orderStyles.history} aria-label="Refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                <strong>{formatCents(refund.amountCents)}</strong>
                {/* A refund that succeeded reads "Refunded", not the payment's "Paid". */}
                <StatusBadge status={refund.status === "succeeded" ? "refunded" : refund.status} />
                <span>{formatDateTime(refund.at)}</span>
                <Muted>
                  {refund.reason}
                  {refund.failureReason ? ` — ${refund.failureReason}` : ""}
                </Muted>
              </li>
            ))}
          </ol>
        )}
        {order.refundableCents > 0 ? (
          <RefundForm order={order} />
        ) : (
          <Muted>{order.paidCents > 0 ? "Nothing is left to refund." : "This order has not been paid."}</Muted>
        )}
      </Card>
    </div>
  );
}

function RefundForm({ order }: { order: OrderDetail }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newKey);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [restock, setRestock] = useState<Record<string, boolean>>({});
  // A cancellation already put every unit back on the shelf.
  const restockByDefault = order.status !== "cancelled";
  const [shipping, setShipping] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const refund = useMutation(
    trpc.admin.orders.refund.mutationOptions({
      onSuccess: (result) => {
        setAsked(`Refund of ${formatCents(result.amountCents)} asked for; the payment provider confirms it shortly.`);
        setKey(newKey());
        setQuantities({});
        setShipping("");
        setAmount("");
        setReason("");
        void queryClient.invalidateQueries({ queryKey: trpc.admin.orders.byId.queryKey({ id: order.id }) });
      },
    }),
  );
  const refundable = new Map(order.lines.map((l) => [l.itemId, l]));
  const lines = order.items.flatMap((item) => {
    const quantity = Number(quantities[item.id] || 0);
    return quantity > 0 ? [{ itemId: item.id, quantity, restock: restock[item.id] ?? restockByDefault }] : [];
  });
  const shippingCents = shipping.trim() ? parseDollars(shipping) : 0;
  const amountCents = amount.trim() ? parseDollars(amount) : 0;
  // An estimate for the button; the server prices each line and is the one that decides.
  const estimate =
    lines.reduce((sum, l) => sum + (order.items.find((i) => i.id === l.itemId)?.unitPriceCents ?? 0) * l.quantity, 0) +
    (shippingCents ?? 0) +
    (amountCents ?? 0);
  const inputError =
    shippingCents === undefined || amountCents === undefined ? "Enter amounts in dollars, like 12.50" : null;

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (inputError) return;
        setAsked(null);
        refund.mutate({
          id: order.id,
          idempotencyKey: key,
          lines,
          ...(shippingCents ? { shippingCents } : {}),
          ...(amountCents ? { amountCents } : {}),
          reason: reason.trim(),
        });
      }}
    >
      {asked && <Notice tone="success">{asked}</Notice>}
      {refund.isError && <Notice tone="error">{errorMessage(refund.error)}</Notice>}
      <fieldset className={styles.lines}>
        <legend>Lines to refund</legend>
        {order.items.map((item) => {
          const left = refundable.get(item.id)?.refundableQuantity ?? 0;
          // Two sizes of one shirt are two lines: each is named with its options.
          const name = nameWithOptions(item.name, item.options);
          return (
            <div key={item.id} className={styles.line}>
              <span>
                {name}
                <br />
                <Muted>
                  {formatCents(item.unitPriceCents)} × {item.quantity}
                  {left < item.quantity ? `, ${left} left to refund` : ""}
                </Muted>
              </span>
              <TextField
                label={`Quantity of ${name}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={left}
                disabled={left === 0}
                value={quantities[item.id] ?? ""}
                placeholder="0"
                onChange={(e) => setQuantities({ ...quantities, [item.id]: e.target.value })}
              />
              <label className={orderStyles.checkbox}>
                <input
                  type="checkbox"
                  checked={restock[item.id] ?? restockByDefault}
                  disabled={left === 0 || order.status === "cancelled"}
                  onChange={(e) => setRestock({ ...restock, [item.id]: e.target.checked })}
                />
                Put back in stock ({name})
              </label>
            </div>
          );
        })}
      </fieldset>
      {order.shippingRefundableCents > 0 && (
        <TextField
          label={`Shipping to refund (up to ${formatCents(order.shippingRefundableCents)})`}
          inputMode="decimal"
          value={shipping}
          onChange={(e) => setShipping(e.target.value)}
        />
      )}
      <TextField
        label="Other amount to refund (dollars)"
        inputMode="decimal"
        value={amount}
        error={inputError ?? undefined}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField
        label="Reason (the customer sees it)"
        name="reason"
        required
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className={orderStyles.buttons}>
        <Button type="submit" variant="danger" disabled={refund.isPending || estimate <= 0}>
          {refund.isPending ? "Refunding…" : `Refund ${formatCents(estimate)}`}
        </Button>
      </div>
    </form>
  );
}

/** Everything still refundable, as one refund: the lines' units left (not restocked), shipping, the rest. */
export function fullRefund(order: OrderDetail, reason: string) {
  const lines = order.lines
    .filter((l) => l.refundableQuantity > 0)
    .map((l) => ({ itemId: l.itemId, quantity: l.refundableQuantity, restock: false }));
  const linesCents = order.lines.reduce((sum, l) => sum + l.refundableCents, 0);
  const rest = order.refundableCents - linesCents - order.shippingRefundableCents;
  return {
    id: order.id,
    idempotencyKey: newKey(),
    lines,
    ...(order.shippingRefundableCents > 0 ? { shippingCents: order.shippingRefundableCents } : {}),
    ...(rest > 0 ? { amountCents: rest } : {}),
    reason,
  };
}
