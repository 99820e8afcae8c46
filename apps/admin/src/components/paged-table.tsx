/** The body of every searchable list page: its search box, and its table with the pager under it. */
import { type Column, DataTable } from "@shopwright/ui/data-table";
import { controlClass } from "@shopwright/ui/field";
import { Pagination } from "@shopwright/ui/pagination";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Loading } from "./layout.tsx";
import { LoadError } from "./page.tsx";

export function SearchField({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="search"
      className={controlClass}
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * A page of a list query: why it failed (with Try again, the last page staying on screen), a
 * spinner only the first time, then the rows and the pager.
 */
export function PagedTable<Row, Failure>({
  query,
  label,
  columns,
  rowKey,
  empty,
  page,
  pageSize,
  onPage,
}: {
  query: UseQueryResult<{ items: Row[]; total: number }, Failure>;
  label: string;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  return (
    <>
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending ? (
        <Loading />
      ) : (
        query.data && (
          <>
            <DataTable label={label} rows={query.data.items} rowKey={rowKey} empty={empty} columns={columns} />
            <Pagination page={page} pageSize={pageSize} total={query.data.total} onPage={onPage} />
          </>
        )
      )}
    </>
  );
}
