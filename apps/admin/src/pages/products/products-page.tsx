import { adminRoutes as routes } from "@shopwright/client/routes";
import { buttonClass } from "@shopwright/ui/button";
import { controlClass } from "@shopwright/ui/field";
import { formatCents } from "@shopwright/ui/money";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { PageHeader, Toolbar } from "../../components/page.tsx";
import { PagedTable, SearchField } from "../../components/paged-table.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { trpc } from "../../lib/api.ts";
import { flattenCategories, indented } from "../../lib/categories.ts";
import { useListFilters } from "../../lib/use-list-filters.ts";
import styles from "./products-page.module.css";

const PAGE_SIZE = 20;

export function ProductsPage() {
  const { params, page, update, search, setSearch, term: q } = useListFilters("q");
  const status = params.get("status");
  const categoryId = params.get("category") ?? undefined;

  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const products = useQuery({
    ...trpc.admin.products.list.queryOptions({
      ...(q ? { q } : {}),
      ...(status === "active" || status === "archived" ? { status } : {}),
      ...(categoryId ? { categoryId } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Products"
        actions={
          <Link to="/products/new" className={buttonClass({ variant: "primary" })}>
            New product
          </Link>
        }
      />
      <Toolbar label="Filter products">
        <SearchField label="Search products" placeholder="Search by name or slug" value={search} onChange={setSearch} />
        <select
          className={controlClass}
          aria-label="Status"
          value={status ?? ""}
          onChange={(e) => update({ status: e.target.value || undefined })}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </select>
        <select
          className={controlClass}
          aria-label="Category"
          value={categoryId ?? ""}
          onChange={(e) => update({ category: e.target.value || undefined })}
        >
          <option value="">Any category</option>
          {flattenCategories(categories.data ?? []).map((option) => (
            <option key={option.id} value={option.id}>
              {indented(option)}
            </option>
          ))}
        </select>
      </Toolbar>

      <PagedTable
        query={products}
        label="Products"
        rowKey={(product) => product.id}
        empty="No products match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
        columns={[
          {
            header: "Image",
            hideHeader: true,
            shrink: true,
            cell: (product) =>
              product.imageUrl ? (
                <img className={styles.thumb} src={product.imageUrl} alt="" />
              ) : (
                <div className={styles.thumb} />
              ),
          },
          {
            header: "Name",
            cell: (product) => <Link to={routes.product.href({ id: product.id })}>{product.name}</Link>,
          },
          { header: "Category", cell: (product) => product.categoryName },
          { header: "Status", cell: (product) => <StatusBadge status={product.status} /> },
          { header: "Price", numeric: true, cell: (product) => formatCents(product.priceCents) },
          { header: "Stock", numeric: true, cell: (product) => product.stock },
        ]}
      />
    </>
  );
}
