import { errorMessage, formErrors } from "@shopwright/client";
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { Button, buttonClass } from "@shopwright/ui/button";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import { formatCents } from "@shopwright/ui/money";
import { formatVariantOptions, nameWithOptions } from "@shopwright/ui/variant-options";
import { Link } from "react-router";
import { QuantityInput } from "../components/quantity-input.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { DiscountCode } from "../features/cart/discount-code.tsx";
import { useCart, useSetQuantity } from "../features/cart/use-cart.ts";
import { choiceSearch } from "../features/variants/variant-params.ts";
import { withNext } from "../lib/safe-next.ts";
import type { CartItem } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import styles from "./cart-page.module.css";
import pageStyles from "./page.module.css";

const MAX_PER_LINE = 99;

/** "Only 2 of Linen Shirt (Size M · Sand) available: your cart has 2." */
export function adjustedSentence(
  adjusted: { variantId: string; quantity: number; available: number },
  items: CartItem[],
) {
  const item = items.find((i) => i.variantId === adjusted.variantId);
  const name = item ? nameWithOptions(item.name, item.options) : "this item";
  return `Only ${adjusted.available} of ${name} available: your cart has ${adjusted.quantity}.`;
}

export function CartPage() {
  const cart = useCart();
  const setQuantity = useSetQuantity();
  const status = useSessionStatus();
  usePageTitle("Your cart");

  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => cart.refetch()} />;
  if (!cart.data) {
    return (
      <Loading label="Loading cart">
        <h1>Your cart</h1>
        <Skeleton height="5rem" />
      </Loading>
    );
  }
  if (cart.data.items.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <EmptyState
          title="Your cart is empty"
          action={
            <Link to="/search" className={buttonClass({ variant: "primary" })}>
              Start shopping
            </Link>
          }
        >
          Find something you like and add it here.
        </EmptyState>
      </>
    );
  }

  const hasUnavailable = cart.data.items.some((item) => !item.available);
  return (
    <>
      <h1>Your cart</h1>
      <div className={pageStyles.twoColumns}>
        <section aria-label="Cart items">
          {setQuantity.isError && (
            <ErrorNotice
              message={`${errorMessage(setQuantity.error)} Your cart is as it was.`}
              onRetry={
                formErrors(setQuantity.error).retryable ? () => setQuantity.mutate(setQuantity.variables) : undefined
              }
            />
          )}
          {setQuantity.data?.adjusted && (
            <p role="status" className={pageStyles.notice}>
              {adjustedSentence(setQuantity.data.adjusted, cart.data.items)}
            </p>
          )}
          <ul className={styles.lines}>
            {cart.data.items.map((item) => (
              <CartLine
                key={item.variantId}
                item={item}
                onQuantity={(quantity) => setQuantity.mutate({ variantId: item.variantId, quantity })}
              />
            ))}
          </ul>
        </section>
        <aside className={pageStyles.panel} aria-label="Summary">
          <h2>Summary</h2>
          <div className={`${pageStyles.summaryRow} ${pageStyles.total}`}>
            <span>Subtotal</span>
            <span data-testid="subtotal">{formatCents(cart.data.subtotalCents)}</span>
          </div>
          <DiscountCode discount={cart.data.discount} />
          <p className={pageStyles.muted}>Delivery and tax are added at checkout, for your address.</p>
          {hasUnavailable && <p className={pageStyles.notice}>Remove the unavailable items to check out.</p>}
          <Link
            to={routes.checkout.href()}
            className={buttonClass({ variant: "primary", block: true })}
            aria-disabled={hasUnavailable}
            onClick={(event) => hasUnavailable && event.preventDefault()}
          >
            Check out
          </Link>
          {status !== "signedIn" && (
            <p className={pageStyles.muted}>
              No account needed. Have one?{" "}
              <Link to={withNext(routes.login.href(), routes.checkout.href())}>Sign in</Link>, or{" "}
              <Link to={withNext(routes.register.href(), routes.checkout.href())}>create an account</Link> — your cart
              comes with you.
            </p>
          )}
        </aside>
      </div>
    </>
  );
}

function CartLine({ item, onQuantity }: { item: CartItem; onQuantity: (quantity: number) => void }) {
  // Two sizes of one shirt are two lines: each is named with its options.
  const label = nameWithOptions(item.name, item.options);
  const options = formatVariantOptions(item.options);
  const href = routes.product.href({ slug: item.slug }) + choiceSearch(item.options);
  return (
    <li className={`${styles.line} ${item.available ? "" : styles.unavailable}`} aria-label={label}>
      <Link to={href} className={styles.thumb} tabIndex={-1} aria-hidden="true">
        {item.thumbnail ? (
          <img src={item.thumbnail.url} alt="" width={64} height={64} loading="lazy" decoding="async" />
        ) : (
          <span className={styles.noThumb} />
        )}
      </Link>
      <div className={styles.name}>
        <Link to={href}>{item.name}</Link>
        {options && <span className={styles.options}>{options}</span>}
        <span className={styles.unit}>{formatCents(item.priceCents)} each</span>
        {!item.available && (
          <span className={styles.flag}>
            {item.stock === 0 ? "No longer available" : `Only ${item.stock} left — lower the quantity`}
          </span>
        )}
      </div>
      <div className={styles.quantity}>
        <QuantityInput
          label={`Quantity of ${label}`}
          value={item.quantity}
          // Not capped at the stock: a shopper who types more is told how many there are, not silently corrected.
          max={MAX_PER_LINE}
          belowOne="You need at least 1. To take it out of your cart, use Remove."
          onChange={onQuantity}
        />
        <Button variant="ghost" onClick={() => onQuantity(0)} aria-label={`Remove ${label}`}>
          Remove
        </Button>
      </div>
      <span className={styles.lineTotal}>{formatCents(item.priceCents * item.quantity)}</span>
    </li>
  );
}
