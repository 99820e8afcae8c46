import type { ReactNode } from "react";
import styles from "./table.module.css";

/** A table in a card; `empty` replaces the body when there are no rows. */
export function Table({
  label,
  head,
  children,
  empty,
}: {
  label: string;
  head: ReactNode;
  children: ReactNode;
  empty?: ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label={label}>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
      {empty && <p className={styles.empty}>{empty}</p>}
    </div>
  );
}

export const numberCell = styles.number!;
export const thumbClass = styles.thumb!;
/** A column as narrow as its content. */
export const shrinkCell = styles.shrink!;
