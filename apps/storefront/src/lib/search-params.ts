/**
 * The product grid's state lives in the URL so a search can be shared and the back button works.
 * This module is the one translation between query-string parameters, that state, and the
 * `catalog.search` input. Defaults are left out of the URL to keep links short.
 */
export const SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];

export const PAGE_SIZE = 24;

export interface GridState {
  q: string;
  category: string | undefined;
  minPriceCents: number | undefined;
  maxPriceCents: number | undefined;
  inStock: boolean;
  sort: Sort | undefined;
  page: number;
}

function cents(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export function readGridState(params: URLSearchParams): GridState {
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  return {
    q: params.get("q")?.trim() ?? "",
    category: params.get("category") || undefined,
    minPriceCents: cents(params.get("min")),
    maxPriceCents: cents(params.get("max")),
    inStock: params.get("inStock") === "1",
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function gridSearchParams(state: GridState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.category) params.set("category", state.category);
  if (state.minPriceCents !== undefined) params.set("min", String(state.minPriceCents));
  if (state.maxPriceCents !== undefined) params.set("max", String(state.maxPriceCents));
  if (state.inStock) params.set("inStock", "1");
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

/** A filter or sort change starts again from page 1; only paging itself keeps the page. */
export function withFilters(state: GridState, change: Partial<Omit<GridState, "page">>): GridState {
  return { ...state, ...change, page: 1 };
}

/** Sorting by relevance only means something with search text; otherwise the default is newest. */
export function effectiveSort(state: GridState): Sort {
  return state.sort ?? (state.q ? "relevance" : "newest");
}

export function searchInput(state: GridState) {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.category ? { categorySlug: state.category } : {}),
    ...(state.minPriceCents !== undefined ? { minPriceCents: state.minPriceCents } : {}),
    ...(state.maxPriceCents !== undefined ? { maxPriceCents: state.maxPriceCents } : {}),
    ...(state.inStock ? { inStock: true } : {}),
    sort: effectiveSort(state),
    page: state.page,
    pageSize: PAGE_SIZE,
  };
}
