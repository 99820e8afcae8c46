import { Button } from "./button.tsx";
import styles from "./pagination.module.css";

/** "21–40 of 45" with Previous and Next, for any page-based list (pages count from 1). */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { first, last, pages } = pageRange(page, pageSize, total);
  return (
    <nav className={styles.pagination} aria-label="Pagination">
      <span>
        {first}–{last} of {total}
      </span>
      <div className={styles.buttons}>
        <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button size="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}

/** Which items a page shows (1-based, inclusive) and how many pages there are: at least one. */
export function pageRange(page: number, pageSize: number, total: number) {
  return {
    first: total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total),
    last: Math.min(page * pageSize, total),
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
