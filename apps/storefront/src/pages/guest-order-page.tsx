import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { buttonClass } from "@shopwright/ui/button";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { OrderView, pollWhilePlaced } from "../components/order-view.tsx";
import { EmptyState } from "../components/status-message.tsx";
import { useOrderLinkToken } from "../features/order-link.ts";
import { trpc } from "../lib/api.ts";
import { withNext } from "../lib/safe-next.ts";
import { useNoIndex } from "../lib/use-no-index.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import type { RegisterState } from "./auth-pages.tsx";
import styles from "./page.module.css";

/**
 * A guest's order, opened by the link in its confirmation email, `/my-order#token=…`, or by the
 * payment provider's return after a guest checkout (the token then from this tab's memory). The link is all it takes, so the page is one
 * person's and says so to search engines.
 */
export function GuestOrderPage() {
  usePageTitle("Your order");
  useNoIndex();
  const token = useOrderLinkToken();
  const order = useQuery({
    ...trpc.orders.byAccessToken.queryOptions({ token }),
    enabled: token !== "",
    refetchInterval: pollWhilePlaced,
  });
  const notFound = (
    <EmptyState
      title="This link does not open an order"
      action={
        <Link to={routes.findOrder.href()} className={buttonClass({ variant: "primary" })}>
          Find my order
        </Link>
      }
    >
      Check that the whole link from your email is in the address bar, or have the link sent again.
    </EmptyState>
  );
  if (!token) return notFound;
  return (
    <OrderView
      order={order}
      retryWith={{ token }}
      notFound={notFound}
      after={(data) => <KeepOrder email={data.email} />}
    />
  );
}

/** After a guest checkout: an account with the order's email keeps it, once the address is confirmed. */
function KeepOrder({ email }: { email: string }) {
  const status = useSessionStatus();
  if (status !== "signedOut") return null;
  const state: RegisterState = { email };
  return (
    <section className={`${styles.panel} ${styles.spaced}`} aria-labelledby="keep-order">
      <h2 id="keep-order">Keep your orders in one place</h2>
      <p>
        Create an account with <strong>{email}</strong>. Once you confirm the address from the email we send, this order
        shows in your account, with its status and tracking.
      </p>
      <p>
        <Link
          to={withNext(routes.register.href(), routes.orders.href())}
          state={state}
          className={buttonClass({ variant: "primary" })}
        >
          Create an account
        </Link>
      </p>
      <p className={styles.muted}>
        Have one already? <Link to={withNext(routes.login.href(), routes.orders.href())}>Sign in</Link>.
      </p>
    </section>
  );
}
