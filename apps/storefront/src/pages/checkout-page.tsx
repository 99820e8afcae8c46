import { formErrors } from "@shopwright/client";
import { Button, buttonClass } from "@shopwright/ui/button";
import { FormError } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { AddressFields, readAddress } from "../components/address-fields.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { useCart } from "../features/cart/use-cart.ts";
import { useIdempotencyKey } from "../features/idempotency-key.ts";
import { trpc } from "../lib/api.ts";
import type { CheckoutInput } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

export function CheckoutPage() {
  usePageTitle("Checkout");
  return (
    <RequireAuth>
      <Checkout />
    </RequireAuth>
  );
}

function Checkout() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const cart = useCart();
  const keyFor = useIdempotencyKey();
  // Set when the order was placed but the payment provider could not be reached: the same
  // request (same key) again finishes it, even though the cart is empty by then.
  const [unpaid, setUnpaid] = useState<CheckoutInput | null>(null);
  const checkout = useMutation(
    trpc.orders.checkout.mutationOptions({
      onSuccess: ({ paymentUrl }, input) => {
        // The gateway's hosted page is outside this app; it sends the shopper back to /orders/:id.
        if (paymentUrl) window.location.assign(paymentUrl);
        else setUnpaid(input);
      },
    }),
  );
  const errors = formErrors(checkout.error);

  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => cart.refetch()} />;
  if (!me.data || !cart.data) {
    return (
      <Loading label="Loading checkout">
        <h1>Checkout</h1>
        <Skeleton height="20rem" />
      </Loading>
    );
  }
  if (cart.data.items.length === 0 && !checkout.isSuccess && !unpaid) {
    return (
      <EmptyState
        title="Nothing to check out"
        action={
          <Link to="/search" className={buttonClass({ variant: "primary" })}>
            Browse products
          </Link>
        }
      >
        Your cart is empty.
      </EmptyState>
    );
  }

  const items = cart.data.items;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (checkout.isPending) return;
    if (unpaid) return checkout.mutate(unpaid);
    const shippingAddress = readAddress(new FormData(event.currentTarget));
    const lines = items.map((item) => [item.productId, item.quantity]);
    checkout.mutate({ idempotencyKey: keyFor({ shippingAddress, lines }), shippingAddress });
  }

  const busy = checkout.isPending || (checkout.isSuccess && !unpaid);
  return (
    <>
      <h1>Checkout</h1>
      <form className={styles.twoColumns} onSubmit={submit} noValidate>
        <div className={`${styles.panel} ${styles.form}`}>
          <FormError message={errors.form} />
          {unpaid && (
            <p role="alert" className={styles.notice}>
              Your order is placed, but the payment provider did not answer. Try again to go to payment.
            </p>
          )}
          {checkout.error?.data?.code === "CONFLICT" && (
            <p className={styles.muted}>
              <Link to="/cart">Review your cart</Link> and try again.
            </p>
          )}
          <AddressFields value={me.data.shippingAddress} errors={errors.fields} prefix="shippingAddress" />
        </div>
        <aside className={styles.panel} aria-label="Order summary">
          <h2>Order summary</h2>
          {items.map((item) => (
            <div key={item.productId} className={styles.summaryRow}>
              <span>
                {item.name} × {item.quantity}
              </span>
              <span>{formatCents(item.priceCents * item.quantity)}</span>
            </div>
          ))}
          <div className={`${styles.summaryRow} ${styles.total}`}>
            <span>Total</span>
            <span>{formatCents(cart.data.subtotalCents)}</span>
          </div>
          <Button type="submit" variant="primary" block disabled={busy}>
            {busy ? "Placing order…" : unpaid ? "Try payment again" : "Place order and pay"}
          </Button>
          <p className={styles.muted}>You will be taken to our payment provider to pay.</p>
        </aside>
      </form>
    </>
  );
}
