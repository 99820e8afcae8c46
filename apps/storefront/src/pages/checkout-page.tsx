import { formErrors } from "@shopwright/client";
import { Button, buttonClass } from "@shopwright/ui/button";
import { FormError } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { AddressFields, postalCodeProblem, readAddress, useCountries } from "../components/address-fields.tsx";
import { OrderLine } from "../components/order-line.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { useSetQuantity } from "../features/cart/use-cart.ts";
import { useIdempotencyKey } from "../features/idempotency-key.ts";
import { takeMergedNotice } from "../features/signed-in.ts";
import { queryClient, trpc } from "../lib/api.ts";
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
  // The server's summary: what will be charged, with the lines that cannot be bought as they stand.
  const summary = useQuery(trpc.orders.checkoutSummary.queryOptions());
  const countries = useCountries();
  const fix = useSetQuantity();
  const keyFor = useIdempotencyKey();
  const [merged] = useState(takeMergedNotice);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
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
      // A refused checkout usually means the cart or its prices moved: show the summary as it is now.
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.checkoutSummary.queryKey() }),
    }),
  );
  const serverErrors = formErrors(checkout.error);
  const errors = { ...serverErrors, fields: { ...serverErrors.fields, ...localErrors } };

  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  if (!me.data || !summary.data) {
    return (
      <Loading label="Loading checkout">
        <h1>Checkout</h1>
        <Skeleton height="20rem" />
      </Loading>
    );
  }
  const { items, totalCents, canCheckout } = summary.data;
  if (items.length === 0 && !checkout.isSuccess && !unpaid) {
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

  function applyFix(productId: string, quantity: number) {
    fix.mutate(
      { productId, quantity },
      { onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.checkoutSummary.queryKey() }) },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (checkout.isPending) return;
    if (unpaid) return checkout.mutate(unpaid);
    const form = new FormData(event.currentTarget);
    const shippingAddress = readAddress(form);
    const postal = postalCodeProblem(countries, shippingAddress);
    setLocalErrors(postal ? { "shippingAddress.postalCode": postal } : {});
    if (postal) return;
    const lines = items.map((item) => [item.productId, item.quantity]);
    checkout.mutate({
      idempotencyKey: keyFor({ shippingAddress, lines }),
      shippingAddress,
      saveAddress: form.get("saveAddress") === "on",
      expectedTotalCents: totalCents,
    });
  }

  const busy = checkout.isPending || (checkout.isSuccess && !unpaid);
  const problems = items.filter((item) => item.problem);
  return (
    <>
      <h1>Checkout</h1>
      {merged && (
        <p className={styles.notice} role="status">
          Items you added before signing in are now in your cart. Check them below before you pay.
        </p>
      )}
      <form className={styles.twoColumns} onSubmit={submit} noValidate>
        <div className={`${styles.panel} ${styles.form}`}>
          <FormError message={errors.form} />
          {unpaid && (
            <p role="alert" className={styles.notice}>
              Your order is placed, but the payment provider did not answer. Try again to go to payment.
            </p>
          )}
          <AddressFields value={me.data.shippingAddress} errors={errors.fields} prefix="shippingAddress" />
          <label className={styles.checkbox}>
            <input type="checkbox" name="saveAddress" defaultChecked={!me.data.shippingAddress} />
            Save this address for next time
          </label>
        </div>
        <aside className={styles.panel} aria-label="Order summary">
          <h2>Order summary</h2>
          {problems.length > 0 && (
            <div className={styles.notice} role="alert">
              <p>Some items changed since you added them. Fix them to place your order:</p>
              <ul className={styles.fixes}>
                {problems.map((item) => (
                  <li key={item.productId}>
                    {item.problem?.kind === "short" ? (
                      <>
                        <span>
                          Only {item.problem.available} of {item.name} left (you have {item.quantity}).
                        </span>
                        <Button
                          type="button"
                          variant="secondary"
                          disabled={fix.isPending}
                          onClick={() =>
                            applyFix(item.productId, item.problem?.kind === "short" ? item.problem.available : 0)
                          }
                        >
                          Take {item.problem.available}
                        </Button>
                      </>
                    ) : (
                      <>
                        <span>{item.name} is no longer available.</span>
                        <Button
                          type="button"
                          variant="secondary"
                          disabled={fix.isPending}
                          onClick={() => applyFix(item.productId, 0)}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {items
            .filter((item) => !item.problem)
            .map((item) => (
              <OrderLine
                key={item.productId}
                name={item.name}
                quantity={item.quantity}
                totalCents={item.lineTotalCents}
              />
            ))}
          <div className={`${styles.summaryRow} ${styles.total}`}>
            <span>Total</span>
            <span data-testid="checkout-total">{formatCents(totalCents)}</span>
          </div>
          <Button type="submit" variant="primary" block disabled={busy || (!canCheckout && !unpaid)}>
            {busy ? "Placing order…" : unpaid ? "Try payment again" : `Pay ${formatCents(totalCents)}`}
          </Button>
          <p className={styles.muted}>You will be taken to our payment provider to pay.</p>
        </aside>
      </form>
    </>
  );
}
