import { Button } from "@shopwright/ui/button";
import { formatCents, parseDollars } from "@shopwright/ui/money";
import { Pagination, pageRange } from "@shopwright/ui/pagination";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ProductCard, ProductCardSkeleton, ProductGrid } from "../components/product-card.tsx";
import { placeholderKeys } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { trpc } from "../lib/api.ts";
import {
  effectiveSort,
  type GridState,
  gridSearchParams,
  PAGE_SIZE,
  readGridState,
  type Sort,
  searchInput,
  withFilters,
} from "../lib/search-params.ts";
import type { Category } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./search-page.module.css";

const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
};

function findCategory(tree: Category[], slug: string | undefined): Category | undefined {
  for (const category of tree) {
    if (category.slug === slug) return category;
    const found = findCategory(category.children, slug);
    if (found) return found;
  }
  return undefined;
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = readGridState(params);
  const [filtersOpen, setFiltersOpen] = useState(false);
  // A range whose lowest price is above its highest (a hand-edited or old link) is explained, not sent.
  const inverted =
    state.minPriceCents !== undefined && state.maxPriceCents !== undefined && state.minPriceCents > state.maxPriceCents;
  const results = useQuery({
    ...trpc.catalog.search.queryOptions(searchInput(state)),
    placeholderData: keepPreviousData,
    enabled: !inverted,
  });
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const category = findCategory(categories.data ?? [], state.category);

  const apply = (next: GridState) => setParams(gridSearchParams(next));
  const [inStock, setInStock] = useUrlBacked(state.inStock);
  const [sort, setSort] = useUrlBacked(effectiveSort(state));
  const title = state.q ? `Results for “${state.q}”` : (category?.name ?? "All products");
  const total = results.data?.total ?? 0;
  const { pages } = pageRange(state.page, PAGE_SIZE, total);
  usePageTitle(title);

  return (
    <div className={styles.layout}>
      <div>
        <Button
          variant="secondary"
          block
          className={styles.filtersToggle}
          aria-expanded={filtersOpen}
          aria-controls="filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {filtersOpen ? "Hide filters" : "Show filters"}
        </Button>
        <aside id="filters" className={styles.filters} data-open={filtersOpen} aria-label="Filters">
          <nav aria-label="Categories">
            <p className={styles.filterTitle}>Category</p>
            <ul className={styles.tree}>
              <li>
                <Link
                  className={styles.treeLink}
                  aria-current={!state.category}
                  to={`?${gridSearchParams(withFilters(state, { category: undefined }))}`}
                >
                  All categories
                </Link>
              </li>
              <CategoryTree tree={categories.data ?? []} state={state} />
            </ul>
          </nav>
          <PriceFilter key={`${state.minPriceCents}-${state.maxPriceCents}`} state={state} apply={apply} />
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={inStock}
              onChange={(event) => {
                setInStock(event.target.checked);
                apply(withFilters(state, { inStock: event.target.checked }));
              }}
            />
            In stock only
          </label>
        </aside>
      </div>

      <section aria-labelledby="results-title">
        <div className={styles.toolbar}>
          <div>
            <h1 id="results-title">{title}</h1>
            <p className={styles.count} aria-live="polite">
              {inverted
                ? ""
                : results.data
                  ? `${total} ${total === 1 ? "product" : "products"}`
                  : results.isFetching
                    ? "Searching…"
                    : ""}
            </p>
            {!inverted && results.data?.correctedQuery && (
              <p className={styles.count}>
                No products matched “{state.q}”. Showing results for “{results.data.correctedQuery}”.
              </p>
            )}
          </div>
          <label className={styles.sort}>
            Sort
            <select
              value={sort}
              onChange={(event) => {
                setSort(event.target.value as Sort);
                apply(withFilters(state, { sort: event.target.value as Sort }));
              }}
            >
              {(Object.keys(SORT_LABELS) as Sort[])
                .filter((sort) => sort !== "relevance" || state.q)
                .map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_LABELS[sort]}
                  </option>
                ))}
            </select>
          </label>
        </div>

        {inverted ? (
          <EmptyState
            title="The lowest price is above the highest"
            action={
              <Button
                onClick={() =>
                  apply(withFilters(state, { minPriceCents: state.maxPriceCents, maxPriceCents: state.minPriceCents }))
                }
              >
                Swap them
              </Button>
            }
          >
            You asked for prices from {formatCents(state.minPriceCents ?? 0)} up to{" "}
            {formatCents(state.maxPriceCents ?? 0)}.
          </EmptyState>
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => results.refetch()} />
        ) : results.data && results.data.items.length === 0 && total > 0 ? (
          <EmptyState
            title={`There is no page ${state.page}`}
            action={<Button onClick={() => apply({ ...state, page: pages })}>Go to the last page ({pages})</Button>}
          >
            These results end at page {pages}.
          </EmptyState>
        ) : results.data && results.data.items.length === 0 ? (
          <EmptyState
            title="No products match"
            action={
              <Link to="/search" className={styles.treeLink}>
                Clear all filters
              </Link>
            }
          >
            Try fewer words, a wider price range, or another category.
          </EmptyState>
        ) : (
          <ProductGrid label="Products">
            {results.data
              ? results.data.items.map((product, index) => (
                  <ProductCard key={product.id} product={product} eager={index < 4} />
                ))
              : placeholderKeys(8).map((key) => <ProductCardSkeleton key={key} />)}
          </ProductGrid>
        )}

        {!inverted && total > PAGE_SIZE && state.page <= pages && (
          <Pagination
            page={state.page}
            pageSize={PAGE_SIZE}
            total={total}
            onPage={(page) => apply({ ...state, page })}
          />
        )}
      </section>
    </div>
  );
}

/**
 * A control's value that shows a change at once, before the URL it writes to has been updated, and
 * follows the URL when it changes from elsewhere (the back button).
 */
function useUrlBacked<T>(fromUrl: T): [T, (value: T) => void] {
  const [value, setValue] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    setValue(fromUrl);
  }
  return [value, setValue];
}

function CategoryTree({ tree, state }: { tree: Category[]; state: GridState }) {
  return tree.map((category) => (
    <li key={category.id}>
      <Link
        className={styles.treeLink}
        aria-current={state.category === category.slug}
        to={`?${gridSearchParams(withFilters(state, { category: category.slug }))}`}
      >
        {category.name}
      </Link>
      {category.children.length > 0 && (
        <ul>
          <CategoryTree tree={category.children} state={state} />
        </ul>
      )}
    </li>
  ));
}

/** Min and max in dollars; applied together on submit so typing does not fire a search per key. */
export function PriceFilter({ state, apply }: { state: GridState; apply: (next: GridState) => void }) {
  const dollars = (cents: number | undefined) => (cents === undefined ? "" : String(cents / 100));
  const [min, setMin] = useState(dollars(state.minPriceCents));
  const [max, setMax] = useState(dollars(state.maxPriceCents));

  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const minPriceCents = parseDollars(min);
    const maxPriceCents = parseDollars(max);
    if ((min.trim() && minPriceCents === undefined) || (max.trim() && maxPriceCents === undefined)) {
      return setProblem("Enter prices in dollars, like 20 or 19.99.");
    }
    if (minPriceCents !== undefined && maxPriceCents !== undefined && minPriceCents > maxPriceCents) {
      return setProblem(
        `The minimum (${formatCents(minPriceCents)}) is above the maximum (${formatCents(maxPriceCents)}).`,
      );
    }
    setProblem(null);
    apply(withFilters(state, { minPriceCents, maxPriceCents }));
  }

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Price ($)</legend>
        <div className={styles.price}>
          <input
            className={styles.priceInput}
            inputMode="decimal"
            aria-label="Minimum price in dollars"
            placeholder="Min"
            value={min}
            onChange={(event) => setMin(event.target.value)}
          />
          <input
            className={styles.priceInput}
            inputMode="decimal"
            aria-label="Maximum price in dollars"
            placeholder="Max"
            value={max}
            onChange={(event) => setMax(event.target.value)}
          />
        </div>
        {problem && (
          <p role="alert" className={styles.priceProblem}>
            {problem}
          </p>
        )}
        <Button type="submit" variant="secondary" block className={styles.applyPrice}>
          Apply price
        </Button>
      </fieldset>
    </form>
  );
}
