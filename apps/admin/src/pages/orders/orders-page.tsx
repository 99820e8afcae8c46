import { adminRoutes as routes } from "@shopwright/client/routes";
import { formatDateTime } from "@shopwright/ui/date";
import { controlClass } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PageHeader, Toolbar } from "../../components/page.tsx";
import { PagedTable, SearchField } from "../../components/paged-table.tsx";
import { StatusBadge, statusLabel } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import type { OrderStatus } from "../../lib/types.ts";
import { useListFilters } from "../../lib/use-list-filters.ts";
import { ExportOrdersButton } from "./export-button.tsx";
import { REFUNDS_ANCHOR } from "./refund-card.tsx";

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
      <PageHeader
        title="Orders"
        actions={<ExportOrdersButton filter={{ ...(isStatus(status) ? { status } : {}), ...(q ? { q } : {}) }} />}
      />
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
              {statusLabel(value)}
            </option>
          ))}
        </select>
        <SearchField
          label="Search by order number, customer email or name"
          placeholder="Order number, email or name"
          value={search}
          onChange={setSearch}
        />
      </Toolbar>
      <PagedTable
        query={orders}
        label="Orders"
        rowKey={(order) => order.id}
        empty="No orders match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
        columns={[
          {
            header: "Order",
            cell: (order) => <Link to={routes.order.href({ id: order.id })}>#{order.number}</Link>,
          },
          {
            header: "Customer",
            cell: (order) => (
              <>
                {order.customerName}
                <br />
                {order.email}
              </>
            ),
          },
          { header: "Status", cell: (order) => <StatusBadge status={order.status} /> },
          {
            header: "Payment",
            cell: (order) => (
              <>
                {order.paymentStatus && <StatusBadge status={order.paymentStatus} />}
                {order.needsRefund && (
                  <Link to={`${routes.order.href({ id: order.id })}#${REFUNDS_ANCHOR}`}>
                    <StatusBadge status="refund_needed" />
                  </Link>
                )}
              </>
            ),
          },
          { header: "Total", numeric: true, cell: (order) => formatCents(order.totalCents) },
          { header: "Placed", cell: (order) => formatDateTime(order.createdAt) },
        ]}
      />
    </>
  );
}
