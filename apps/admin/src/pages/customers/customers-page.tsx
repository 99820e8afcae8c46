import { adminRoutes as routes } from "@shopwright/client/routes";
import { formatDateTime } from "@shopwright/ui/date";
import { controlClass } from "@shopwright/ui/field";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PageHeader, Toolbar } from "../../components/page.tsx";
import { PagedTable, SearchField } from "../../components/paged-table.tsx";
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
        <SearchField
          label="Search by customer email or name"
          placeholder="Email or name"
          value={search}
          onChange={setSearch}
        />
      </Toolbar>
      <PagedTable
        query={customers}
        label="Customers"
        rowKey={(customer) => customer.id}
        empty="No customers match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
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
    </>
  );
}
