/**
 * A table that works on a phone: in a wide box a plain table; in a box narrower than 440 px (a
 * phone's screen, whatever the table's columns), each row becomes a card whose cells carry their column's name,
 * so nothing is cut off or pushed past the screen's edge and the page never scrolls sideways.
 *
 *   <DataTable label="Jobs" rows={jobs} rowKey={(job) => job.id} empty="No jobs."
 *     columns={[{ header: "Job", cell: (job) => job.id }, { header: "Attempts", numeric: true, cell: … }]} />
 */
// biome-ignore-all lint/a11y/noRedundantRoles: a row laid out as a card (display: block) loses its implicit table roles in some browsers; stated, they stay.
import type { ReactNode } from "react";
import styles from "./data-table.module.css";

export interface Column<Row> {
  /** The column's heading, also the label of its cell in a card. */
  header: string;
  /** Visually hidden heading (an actions column): still named for screen readers, no label in a card. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** Right-aligned figures with digits of one width. */
  numeric?: boolean;
  /** As narrow as its content (a thumbnail, a button). */
  shrink?: boolean;
}

export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  empty,
}: {
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the rows when there are none. */
  empty?: ReactNode;
}) {
  const cellClass = (column: Column<Row>) =>
    [column.numeric && styles.numeric, column.shrink && styles.shrink].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label={label} role="table">
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.header} role="columnheader" scope="col" className={cellClass(column)}>
                {column.hideHeader ? <span className={styles.hidden}>{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((column) => (
                <td
                  key={column.header}
                  role="cell"
                  className={cellClass(column)}
                  data-label={column.hideHeader ? undefined : column.header}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty && <p className={styles.empty}>{empty}</p>}
    </div>
  );
}
