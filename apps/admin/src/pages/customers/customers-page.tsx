import { adminRoutes as routes } from "@shopwright/client/routes";
import { DataTable } from "@shopwright/ui/data-table";
import { formatDateTime } from "@shopwright/ui/date";
import { controlClass } from "@shopwright/ui/field";
import { Pagination } from "@shopwright/ui/pagination";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Loading } from "../../components/layout.tsx";
import { LoadError, PageHeader, Toolbar } from "../../components/page.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import { useListFilters } from "../../lib/use-list-filters.ts";

const PAGE_SIZE = 20;
const EMAIL_FILTERS = { verified: true, unverified: false } as const;
const isEmailFilter = (value: string | null): value is keyof typeof EMAIL_FILTERS =>
  value === "verified" || value === "unverified";

/** Customer accounts, newest first, with whether each has proven its email address. */
export function CustomersPage() {
  const { params, page, update, search, setSearch, term: q } = useListFilters("q");
  const email = params.get("email");

  const customers = useQuery({
    ...trpc.admin.customers.list.queryOptions({
      ...(isEmailFilter(email) ? { verified: EMAIL_FILTERS[email] } : {}),
      ...(q ? { q } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title="Customers" />
      <Toolbar label="Filter customers">
        <select
          className={controlClass}
          aria-label="Email"
          value={isEmailFilter(email) ? email : ""}
          onChange={(e) => update({ email: e.target.value || undefined })}
        >
          <option value="">Verified or not</option>
          <option value="verified">Verified</option>
          <option value="unverified">Unverified</option>
        </select>
        <input
          type="search"
          className={controlClass}
          placeholder="Email or name"
          aria-label="Search by customer email or name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Toolbar>
      {customers.isError && <LoadError error={customers.error} onRetry={() => customers.refetch()} />}
      {customers.isPending ? (
        <Loading />
      ) : (
        customers.data && (
          <>
            <DataTable
              label="Customers"
              rows={customers.data.items}
              rowKey={(customer) => customer.id}
              empty="No customers match."
              columns={[
                {
                  header: "Name",
                  cell: (customer) => <Link to={routes.customer.href({ id: customer.id })}>{customer.name}</Link>,
                },
                { header: "Email", cell: (customer) => customer.email },
                {
                  header: "Email verified",
                  cell: (customer) =>
                    customer.emailVerifiedAt ? (
                      <span title={formatDateTime(customer.emailVerifiedAt)}>
                        <StatusBadge status="verified" />
                      </span>
                    ) : (
                      <StatusBadge status="unverified" />
                    ),
                },
                { header: "Joined", cell: (customer) => formatDateTime(customer.createdAt) },
              ]}
            />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={customers.data.total}
              onPage={(next) => update({ page: String(next) })}
            />
          </>
        )
      )}
    </>
  );
}
