/** One customer: who they are, whether their email is proven theirs, and where their orders are. */
import { addressLines } from "@shopwright/client/address";
import { adminRoutes as routes } from "@shopwright/client/routes";
import { formatDateTime } from "@shopwright/ui/date";
import { PostalAddress } from "@shopwright/ui/postal-address";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { Card, Facts, Grid, LoadError, Muted, PageHeader } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";

export function CustomerPage() {
  const { id = "" } = useParams();
  const customer = useQuery(trpc.admin.customers.byId.queryOptions({ id }));
  if (customer.isPending) return <Loading />;
  if (customer.isError) return <LoadError error={customer.error} onRetry={() => customer.refetch()} />;
  const data = customer.data;

  return (
    <>
      <PageHeader title={data.name} subtitle={`Joined ${formatDateTime(data.createdAt)}`} />
      <Grid>
        <Card title="Email">
          <Facts>
            <dt>Address</dt>
            <dd>{data.email}</dd>
            <dt>Verified</dt>
            <dd>
              {data.emailVerifiedAt ? (
                <>
                  <StatusBadge status="verified" /> {formatDateTime(data.emailVerifiedAt)}
                </>
              ) : (
                <StatusBadge status="unverified" />
              )}
            </dd>
            {data.pendingEmail && (
              <>
                <dt>Changing to</dt>
                <dd>{data.pendingEmail} (once its link is followed)</dd>
              </>
            )}
          </Facts>
          <p>
            <Link to={`${routes.orders.href()}?${new URLSearchParams({ q: data.email })}`}>Their orders</Link>
          </p>
        </Card>
        <Card title="Shipping address">
          {data.shippingAddress ? (
            <PostalAddress lines={addressLines(data.shippingAddress)} />
          ) : (
            <Muted>None saved.</Muted>
          )}
        </Card>
      </Grid>
    </>
  );
}
