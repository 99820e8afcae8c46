import { errorMessage, formErrors } from "@shopwright/client";
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { Button, buttonClass } from "@shopwright/ui/button";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import { FormError, TextField } from "@shopwright/ui/field";
import { type FieldErrors, useForm } from "@shopwright/ui/form";
import { formatCents } from "@shopwright/ui/money";
import { nameWithOptions } from "@shopwright/ui/variant-options";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import {
  AddressFields,
  addressErrors,
  DEFAULT_COUNTRY,
  type Destination,
  readAddress,
} from "../components/address-fields.tsx";
import { checks } from "../components/form-panel.tsx";
import { OrderSummary } from "../components/order-summary.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { useSetQuantity } from "../features/cart/use-cart.ts";
import { useIdempotencyKey } from "../features/idempotency-key.ts";
import { rememberOrderLink } from "../features/order-link.ts";
import { takeMergedNotice } from "../features/signed-in.ts";
import { queryClient, trpc } from "../lib/api.ts";
import { withNext } from "../lib/safe-next.ts";
import type { CheckoutInput } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import styles from "./page.module.css";

/** Where signing in from checkout comes back to; the sign-in merges the guest's cart into the account's. */
const SIGN_IN_HERE = withNext(routes.login.href(), routes.checkout.href());

/** A guest's email: checked as the sign-in form checks it, before anything is sent. */
function guestErrors(data: FormData): FieldErrors {
  const errors: FieldErrors = {};
  checks.email(data, "email", errors);
  return errors;
}

/**
 * Signed in, checkout starts from the account's saved address; a guest types an email as well,
 * which the order belongs to (its receipt and order link go there), or signs in first.
 */
export function CheckoutPage() {
  usePageTitle("Checkout");
  const status = useSessionStatus();
  if (status === "restoring") return <Skeleton height="12rem" />;
  // A new session is a new checkout: nothing typed as a guest carries over into the account's form.
  return <Checkout key={status} signedIn={status === "signedIn"} />;
}

function Checkout({ signedIn }: { signedIn: boolean }) {
  const me = useQuery({ ...trpc.auth.me.queryOptions(), enabled: signedIn });
  // Where the typed address goes (null until it changes: the saved address's, or the form's first
  // country) and the delivery picked (absent: the cheapest), which the total depends on.
  const [destination, setDestination] = useState<Destination | null>(null);
  const [shippingMethodId, setShippingMethodId] = useState<string | undefined>();
  const saved = me.data?.shippingAddress;
  const shippingAddress = destination ?? (saved ? { country: saved.country, region: saved.region } : null);
  // The server's summary: what will be charged, with the lines that cannot be bought as they stand.
  const summary = useQuery({
    ...trpc.orders.checkoutSummary.queryOptions({
      shippingAddress: shippingAddress ?? { country: DEFAULT_COUNTRY },
      shippingMethodId,
    }),
    enabled: !signedIn || me.isSuccess,
    // A new address keeps the last figures on screen until its own arrive.
    placeholderData: keepPreviousData,
  });
  const dropCode = useMutation(
    trpc.cart.removeDiscountCode.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.checkoutSummary.queryKey() }),
    }),
  );
  const fix = useSetQuantity();
  const keyFor = useIdempotencyKey();
  const [merged] = useState(takeMergedNotice);
  // Set when the order was placed but the payment provider could not be reached: the same
  // request (same key) again finishes it, even though the cart is empty by then.
  const [unpaid, setUnpaid] = useState<CheckoutInput | null>(null);
  const checkout = useMutation(
    trpc.orders.checkout.mutationOptions({
      onSuccess: ({ paymentUrl, orderToken }, input) => {
        // A guest's way back to the order: the provider returns them to the order-link page bare.
        if (orderToken) rememberOrderLink(orderToken);
        // The gateway's hosted page is outside this app; it sends the shopper back to the order's
        // page (a guest's: the order link's page).
        if (paymentUrl) window.location.assign(paymentUrl);
        else setUnpaid(input);
      },
      // A refused checkout usually means the cart or its prices moved: show the summary as it is now.
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.checkoutSummary.queryKey() }),
    }),
  );
  const form = useForm({
    // A retried payment sends the placed order's request again: nothing in the form is read.
    validate: (data) => (unpaid ? {} : { ...(signedIn ? {} : guestErrors(data)), ...addressErrors(data) }),
    server: formErrors(checkout.error),
  });

  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  if ((signedIn && !me.data) || !summary.data) {
    return (
      <Loading label="Loading checkout">
        <h1>Checkout</h1>
        <Skeleton height="20rem" />
      </Loading>
    );
  }
  const { lines: items, totalCents, canCheckout, shippingOptions, shippingProblem, discount } = summary.data;
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

  function applyFix(variantId: string, quantity: number) {
    fix.mutate(
      { variantId, quantity },
      { onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.orders.checkoutSummary.queryKey() }) },
    );
  }

  function submit(data: FormData) {
    if (checkout.isPending) return;
    if (unpaid) return checkout.mutate(unpaid);
    const shippingAddress = readAddress(data);
    const lines = items.map((item) => [item.variantId, item.quantity]);
    const method = summary.data?.shippingMethodId ?? undefined;
    const email = signedIn ? undefined : String(data.get("email") ?? "").trim();
    checkout.mutate({
      idempotencyKey: keyFor({ shippingAddress, lines, method, email }),
      shippingAddress,
      shippingMethodId: method,
      ...(email === undefined ? { saveAddress: data.get("saveAddress") === "on" } : { email }),
      expectedTotalCents: totalCents,
    });
  }

  const busy = checkout.isPending || (checkout.isSuccess && !unpaid);
  // While new figures are on their way, the total on the button is not yet the one to pay.
  const refreshing = summary.isPlaceholderData;
  const problems = items.filter((item) => item.problem);
  return (
    <>
      <h1>Checkout</h1>
      {merged && (
        <p className={styles.notice} role="status">
          Items you added before signing in are now in your cart. Check them below before you pay.
        </p>
      )}
      <form className={styles.twoColumns} {...form.props(submit)}>
        <div className={`${styles.panel} ${styles.form}`}>
          <FormError message={form.formError} onRetry={form.retry} />
          {unpaid && (
            <p role="alert" className={styles.notice}>
              Your order is placed, but the payment provider did not answer. Try again to go to payment.
            </p>
          )}
          {!signedIn && (
            <div className={styles.form}>
              <TextField
                label="Email"
                name="email"
                type="email"
                autoComplete="email"
                hint="Your receipt and a link to your order go here."
                error={form.error("email")}
              />
              <p className={styles.muted}>
                Have an account? <Link to={SIGN_IN_HERE}>Sign in to use your saved address</Link>. Your cart comes with
                you.
              </p>
            </div>
          )}
          <AddressFields
            value={me.data?.shippingAddress}
            error={form.error}
            onDestination={(next) => {
              setDestination(next);
              // Another country's zone offers other methods.
              if (next.country !== shippingAddress?.country) setShippingMethodId(undefined);
            }}
          />
          <fieldset className={styles.choices}>
            <legend>Delivery</legend>
            {shippingProblem ? (
              <p role="alert" className={styles.notice}>
                {shippingProblem}. Choose another country to check out.
              </p>
            ) : (
              shippingOptions.map((option) => (
                <label key={option.id} className={styles.checkbox}>
                  <input
                    type="radio"
                    name="shippingMethodId"
                    value={option.id}
                    checked={option.id === (shippingMethodId ?? summary.data.shippingMethodId)}
                    onChange={() => setShippingMethodId(option.id)}
                  />
                  <span>
                    {option.name}, {option.estimate}:{" "}
                    {option.priceCents === 0 ? "free" : formatCents(option.priceCents)}
                  </span>
                </label>
              ))
            )}
          </fieldset>
          {me.data && (
            <label className={styles.checkbox}>
              <input type="checkbox" name="saveAddress" defaultChecked={!me.data.shippingAddress} />
              Save this address for next time
            </label>
          )}
        </div>
        <OrderSummary
          title="Order summary"
          lines={items
            .filter((item) => !item.problem)
            .map((item) => ({
              key: item.variantId,
              name: item.name,
              options: item.options,
              quantity: item.quantity,
              totalCents: item.lineTotalCents,
            }))}
          totals={{
            ...summary.data,
            discountCode: discount?.code,
            shippingName: shippingOptions.find((o) => o.id === summary.data.shippingMethodId)?.name,
          }}
          before={
            problems.length > 0 && (
              <div className={styles.notice} role="alert">
                <p>Some items changed since you added them. Fix them to place your order:</p>
                {fix.isError && (
                  <ErrorNotice
                    message={errorMessage(fix.error)}
                    onRetry={
                      formErrors(fix.error).retryable
                        ? () => applyFix(fix.variables.variantId!, fix.variables.quantity)
                        : undefined
                    }
                  />
                )}
                <ul className={styles.fixes}>
                  {problems.map((item) => (
                    <li key={item.variantId}>
                      {item.problem?.kind === "short" ? (
                        <>
                          <span>
                            Only {item.problem.available} of {nameWithOptions(item.name, item.options)} left (you have{" "}
                            {item.quantity}).
                          </span>
                          <Button
                            type="button"
                            variant="secondary"
                            disabled={fix.isPending}
                            onClick={() =>
                              applyFix(item.variantId, item.problem?.kind === "short" ? item.problem.available : 0)
                            }
                          >
                            Take {item.problem.available}
                          </Button>
                        </>
                      ) : (
                        <>
                          <span>{nameWithOptions(item.name, item.options)} is no longer available.</span>
                          <Button
                            type="button"
                            variant="secondary"
                            disabled={fix.isPending}
                            onClick={() => applyFix(item.variantId, 0)}
                          >
                            Remove
                          </Button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )
          }
        >
          {discount?.problem && (
            <p role="alert" className={styles.notice}>
              {discount.problem}{" "}
              <Button type="button" variant="secondary" disabled={dropCode.isPending} onClick={() => dropCode.mutate()}>
                Remove {discount.code}
              </Button>
            </p>
          )}
          <Button type="submit" variant="primary" block disabled={busy || refreshing || (!canCheckout && !unpaid)}>
            {busy ? "Placing order…" : unpaid ? "Try payment again" : `Pay ${formatCents(totalCents)}`}
          </Button>
          <p className={styles.muted}>You will be taken to our payment provider to pay.</p>
        </OrderSummary>
      </form>
    </>
  );
}
