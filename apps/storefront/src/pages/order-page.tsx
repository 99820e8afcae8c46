import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { OrderView, pollWhilePlaced } from "../components/order-view.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { EmptyState } from "../components/status-message.tsx";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";

export function OrderPage() {
  usePageTitle("Your order");
  return (
    <RequireAuth>
      <AccountOrder />
    </RequireAuth>
  );
}

function AccountOrder() {
  const { id = "" } = useParams();
  const order = useQuery({ ...trpc.orders.byId.queryOptions({ id }), refetchInterval: pollWhilePlaced });
  return (
    <OrderView
      order={order}
      retryWith={{ id }}
      before={
        <p>
          <Link to={routes.orders.href()}>← All orders</Link>
        </p>
      }
      notFound={
        <EmptyState title="Order not found" action={<Link to={routes.orders.href()}>See your orders</Link>}>
          This order does not exist or belongs to another account.
        </EmptyState>
      }
    />
  );
}
