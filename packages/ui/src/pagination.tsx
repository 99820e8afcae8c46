import { Button } from "./button.tsx";
import styles from "./pagination.module.css";

/**
 * "21–40 of 45", Previous, the page numbers around the current page and Next, for any page-based
 * list (pages count from 1).
 */
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
      <span className={styles.range}>
        {first}–{last} of {total}
      </span>
      <div className={styles.buttons}>
        <Button size="small" className={styles.previous} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        {pages > 1 && (
          <ol className={styles.numbers}>
            {pageNumbers(page, pages).map((n, i) =>
              n === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true" className={styles.gap}>
                  …
                </li>
              ) : (
                <li key={n}>
                  <Button
                    size="small"
                    variant={n === page ? "primary" : "secondary"}
                    aria-current={n === page ? "page" : undefined}
                    aria-label={`Page ${n}`}
                    onClick={() => onPage(n)}
                  >
                    {n}
                  </Button>
                </li>
              ),
            )}
          </ol>
        )}
        <Button size="small" className={styles.next} disabled={page >= pages} onClick={() => onPage(page + 1)}>
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

/**
 * The pages to offer: always the first and last, the current page and its neighbours, and "gap"
 * where pages are skipped (1 … 4 5 6 … 20).
 */
export function pageNumbers(page: number, pages: number): (number | "gap")[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => {
    const previous = shown[i - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A gap of one page is shown as that page: "1 2 3" reads better than "1 … 3".
    return n === previous + 2 ? [previous + 1, n] : ["gap" as const, n];
  });
}
