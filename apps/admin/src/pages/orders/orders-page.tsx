import { errorMessage } from "@shopwright/client";
import { adminRoutes as routes } from "@shopwright/client/routes";
import { formatDateTime } from "@shopwright/ui/date";
import { controlClass } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { Pagination } from "@shopwright/ui/pagination";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { Notice, PageHeader, Toolbar } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { numberCell, Table } from "../../components/table.tsx";
import { trpc } from "../../lib/api.ts";
import { humanize } from "../../lib/humanize.ts";
import type { OrderStatus } from "../../lib/types.ts";
import { useListFilters } from "../../lib/use-list-filters.ts";

const PAGE_SIZE = 20;
const STATUSES: OrderStatus[] = ["placed", "processing", "shipped", "delivered", "cancelled"];
const isStatus = (value: string | null): value is OrderStatus => STATUSES.includes(value as OrderStatus);

export function OrdersPage() {
  const { params, page, update, search, setSearch, term: q } = useListFilters("q");
  const status = params.get("status");

  const orders = useQuery({
    ...trpc.admin.orders.list.queryOptions({
      ...(isStatus(status) ? { status } : {}),
      ...(q ? { q } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title="Orders" />
      <Toolbar label="Filter orders">
        <select
          className={controlClass}
          aria-label="Status"
          value={isStatus(status) ? status : ""}
          onChange={(e) => update({ status: e.target.value || undefined })}
        >
          <option value="">Any status</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {humanize(value)}
            </option>
          ))}
        </select>
        <input
          type="search"
          className={controlClass}
          placeholder="Order number, email or name"
          aria-label="Search by order number, customer email or name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Toolbar>
      {orders.isError && <Notice tone="error">{errorMessage(orders.error)}</Notice>}
      {orders.isPending ? (
        <Loading />
      ) : (
        orders.data && (
          <>
            <Table
              label="Orders"
              head={
                <tr>
                  <th>Order</th>
                  <th>Customer</th>
                  <th>Status</th>
                  <th>Payment</th>
                  <th className={numberCell}>Total</th>
                  <th>Placed</th>
                </tr>
              }
              empty={orders.data.items.length === 0 && "No orders match."}
            >
              {orders.data.items.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link to={routes.order.href({ id: order.id })}>#{order.number}</Link>
                  </td>
                  <td>
                    {order.customerName}
                    <br />
                    {order.email}
                  </td>
                  <td>
                    <StatusBadge status={order.status} />
                  </td>
                  <td>
                    {order.paymentStatus && <StatusBadge status={order.paymentStatus} />}
                    {order.needsRefund && <StatusBadge status="refund_needed" />}
                  </td>
                  <td className={numberCell}>{formatCents(order.totalCents)}</td>
                  <td>{formatDateTime(order.createdAt)}</td>
                </tr>
              ))}
            </Table>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={orders.data.total}
              onPage={(next) => update({ page: String(next) })}
            />
          </>
        )
      )}
    </>
  );
}
