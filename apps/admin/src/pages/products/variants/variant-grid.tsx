/**
 * Price, stock and status for many variants at once: a page of rows at a time (a product may have
 * a hundred or more), a checkbox per row, and bulk actions on the selected rows, whichever page
 * they are on. Rows become labelled cards on a phone (DataTable), so nothing scrolls sideways.
 */
import { Button } from "@shopwright/ui/button";
import { type Column, DataTable } from "@shopwright/ui/data-table";
import { controlClass } from "@shopwright/ui/field";
import { Pagination } from "@shopwright/ui/pagination";
import { formatVariantOptions } from "@shopwright/ui/variant-options";
import { useState } from "react";
import styles from "./variant-grid.module.css";
import {
  applyToSelected,
  type BulkChange,
  type ProductOption,
  type RowProblems,
  type VariantRow,
} from "./variant-rows.ts";

export const GRID_PAGE_SIZE = 25;

export function VariantGrid({
  options,
  rows,
  problems,
  onRows,
}: {
  options: readonly ProductOption[];
  rows: readonly VariantRow[];
  problems: ReadonlyMap<string, RowProblems>;
  onRows: (rows: VariantRow[]) => void;
}) {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<Record<string, string>>({});
  const shown = rows.filter((row) =>
    Object.entries(filter).every(([name, value]) => !value || row.options[name] === value),
  );
  const pages = Math.max(1, Math.ceil(shown.length / GRID_PAGE_SIZE));
  const current = Math.min(page, pages);
  const pageRows = shown.slice((current - 1) * GRID_PAGE_SIZE, current * GRID_PAGE_SIZE);

  const toggle = (keys: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) on ? next.add(key) : next.delete(key);
    setSelected(next);
  };
  const edit = (key: string, change: Partial<VariantRow>) =>
    onRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const bulk = (change: BulkChange) => onRows(applyToSelected(rows, selected, change));
  const labelOf = (row: VariantRow) => formatVariantOptions(row.options) || "Default";
  /** A column whose cells edit one field of the row, each input named for its row ("Price of Size M · Sand"). */
  const editable = (
    header: string,
    name: string,
    field: "sku" | "price" | "stock",
    problem: keyof RowProblems,
    inputMode?: "decimal" | "numeric",
  ): Column<VariantRow> => ({
    header,
    cell: (row) => (
      <CellInput
        label={`${name} of ${labelOf(row)}`}
        value={row[field]}
        inputMode={inputMode}
        error={problems.get(row.key)?.[problem]}
        onChange={(value) => edit(row.key, { [field]: value })}
      />
    ),
  });

  const columns: Column<VariantRow>[] = [
    {
      header: "Select",
      hideHeader: true,
      shrink: true,
      cell: (row) => (
        <input
          type="checkbox"
          className={styles.check}
          aria-label={`Select ${labelOf(row)}`}
          checked={selected.has(row.key)}
          onChange={(event) => toggle([row.key], event.target.checked)}
        />
      ),
    },
    { header: "Variant", cell: (row) => <span className={styles.variant}>{labelOf(row)}</span> },
    editable("SKU", "SKU", "sku", "sku"),
    editable("Price (USD)", "Price", "price", "priceCents", "decimal"),
    editable("Stock", "Stock", "stock", "stock", "numeric"),
    {
      header: "Status",
      cell: (row) => (
        <span className={styles.status}>
          {row.status === "active" ? "Active" : "Archived"}
          <Button
            size="small"
            variant="secondary"
            aria-label={`${row.status === "active" ? "Archive" : "Restore"} ${labelOf(row)}`}
            onClick={() => edit(row.key, { status: row.status === "active" ? "archived" : "active" })}
          >
            {row.status === "active" ? "Archive" : "Restore"}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <div className={styles.grid}>
      {options.length > 0 && (
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>Show</legend>
          {options.map((option) => (
            <select
              key={option.name}
              className={controlClass}
              aria-label={`Show ${option.name}`}
              value={filter[option.name] ?? ""}
              onChange={(event) => {
                setFilter({ ...filter, [option.name]: event.target.value });
                setPage(1);
              }}
            >
              <option value="">Every {option.name.toLowerCase()}</option>
              {option.values.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          ))}
        </fieldset>
      )}
      <BulkActions
        selectedCount={selected.size}
        shownCount={shown.length}
        onSelectShown={() =>
          toggle(
            shown.map((row) => row.key),
            true,
          )
        }
        onClear={() => setSelected(new Set())}
        onApply={bulk}
      />
      <DataTable
        label="Variants"
        rows={pageRows}
        rowKey={(row) => row.key}
        columns={columns}
        empty="No variants match."
      />
      <Pagination page={current} pageSize={GRID_PAGE_SIZE} total={shown.length} onPage={setPage} />
    </div>
  );
}

function CellInput({
  label,
  value,
  error,
  inputMode,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  inputMode?: "decimal" | "numeric";
  onChange: (value: string) => void;
}) {
  const errorId = `${label.replace(/\W+/g, "-")}-error`;
  return (
    <span className={styles.cell}>
      <input
        className={`${controlClass} ${styles.input}`}
        aria-label={label}
        value={value}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <span id={errorId} className={styles.error}>
          {error}
        </span>
      )}
    </span>
  );
}

function BulkActions({
  selectedCount,
  shownCount,
  onSelectShown,
  onClear,
  onApply,
}: {
  selectedCount: number;
  shownCount: number;
  onSelectShown: () => void;
  onClear: () => void;
  onApply: (change: BulkChange) => void;
}) {
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState("");
  const none = selectedCount === 0;
  return (
    <section className={styles.bulk} aria-label="Change selected variants">
      <p className={styles.count} aria-live="polite">
        {selectedCount} selected
      </p>
      <div className={styles.bulkRow}>
        <Button size="small" variant="secondary" onClick={onSelectShown}>
          Select all {shownCount} shown
        </Button>
        <Button size="small" variant="secondary" disabled={none} onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <div className={styles.bulkRow}>
        <input
          className={`${controlClass} ${styles.input}`}
          aria-label="New price (USD) for the selected variants"
          placeholder="Price"
          inputMode="decimal"
          value={price}
          onChange={(event) => setPrice(event.target.value)}
        />
        <Button size="small" disabled={none || !price.trim()} onClick={() => onApply({ price: price.trim() })}>
          Set price
        </Button>
        <input
          className={`${controlClass} ${styles.input}`}
          aria-label="New stock for the selected variants"
          placeholder="Stock"
          inputMode="numeric"
          value={stock}
          onChange={(event) => setStock(event.target.value)}
        />
        <Button size="small" disabled={none || !stock.trim()} onClick={() => onApply({ stock: stock.trim() })}>
          Set stock
        </Button>
        <Button size="small" variant="secondary" disabled={none} onClick={() => onApply({ status: "archived" })}>
          Archive selected
        </Button>
      </div>
    </section>
  );
}
