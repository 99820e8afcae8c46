/**
 * Product search for shoppers: free text, filters, sorts and page-based pagination with a total.
 * Matching and ranking the text is `db.sql.productMatches` (packages/db/src/dialect-sql.ts, where
 * each dialect's full-text search is described); the rest is plain Drizzle shared by every database.
 *
 * Text is read the way a search box is typed: the last word, unless a space follows it, is matched
 * as a prefix once it has two letters ("wireless head" finds "Wireless Headphones"). Text without
 * a letter or digit is no text: the whole catalog. Text is capped at 1,000 characters by the
 * router (BAD_REQUEST above that).
 */
import type { Db, SearchText } from "@shopwright/db";
import { and, asc, count, desc, eq, gt, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { type CategoryRef, categoryWithDescendants } from "./categories.ts";
import { imagesByProduct, type ProductImage } from "./images.ts";

export const SEARCH_TEXT_MAX_LENGTH = 1000;
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 24;
export const SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchInput {
  q?: string;
  categorySlug?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
  sort?: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchItem {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  stock: number;
  inStock: boolean;
  thumbnail: ProductImage | null;
  category: Omit<CategoryRef, "id">;
}

export interface SearchResult {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const TRAILING_WORD = /(?:^|\s)([\p{L}\p{N}]+)$/u;
/**
 * A one-letter prefix would match most of the catalog, slowly (FTS5 has no prefix index here),
 * and tells the shopper nothing; it is searched as a whole word instead.
 */
const MIN_PREFIX_LENGTH = 2;

/** Null when the text holds no word to search for (empty, spaces, punctuation only). */
export function parseSearchText(input: string): SearchText | null {
  // Control characters are never meant, and Postgres rejects a NUL in text outright.
  const text = input.replace(/\p{Cc}/gu, " ");
  const words = text.match(WORD);
  if (!words) return null;
  const trailing = TRAILING_WORD.exec(text)?.[1];
  const prefix = trailing !== undefined && [...trailing].length >= MIN_PREFIX_LENGTH ? trailing : null;
  return {
    words,
    prefix,
    finished: prefix === null ? text : text.slice(0, text.length - prefix.length),
  };
}

const score = sql<number>`search_matches.score`;

export async function searchProducts(db: Db, input: SearchInput): Promise<SearchResult> {
  const { products, categories } = db.tables;
  const text = input.q === undefined ? null : parseSearchText(input.q);

  const conditions: SQL[] = [eq(products.status, "active")];
  if (input.categorySlug !== undefined) {
    const categoryIds = await categoryWithDescendants(db, input.categorySlug);
    if (!categoryIds) throw notFound("Category");
    conditions.push(inArray(products.categoryId, categoryIds));
  }
  if (input.minPriceCents !== undefined) conditions.push(gte(products.priceCents, input.minPriceCents));
  if (input.maxPriceCents !== undefined) conditions.push(lte(products.priceCents, input.maxPriceCents));
  if (input.inStock) conditions.push(gt(products.stock, 0));
  const where = and(...conditions);
  const matches = text && db.sql.productMatches(text);
  const onMatch = sql`search_matches.product_id = ${products.id}`;

  // Relevance means nothing without text; the newest products come first then.
  const requested = input.sort ?? "relevance";
  const sort = requested === "relevance" && !text ? "newest" : requested;
  // Every order ends in the id, so equal prices, dates or scores never swap places between pages.
  const orderBy = {
    relevance: [desc(score), asc(products.id)],
    price_asc: [asc(products.priceCents), asc(products.id)],
    price_desc: [desc(products.priceCents), desc(products.id)],
    newest: [desc(products.createdAt), desc(products.id)],
  }[sort];

  const counted = db.orm.select({ total: count() }).from(products).$dynamic();
  const [totalRow] = await (matches ? counted.innerJoin(matches, onMatch) : counted).where(where);

  const paged = db.orm
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      priceCents: products.priceCents,
      stock: products.stock,
      categorySlug: categories.slug,
      categoryName: categories.name,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .$dynamic();
  const rows = await (matches ? paged.innerJoin(matches, onMatch) : paged)
    .where(where)
    .orderBy(...orderBy)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);

  const images = await imagesByProduct(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map(({ categorySlug, categoryName, ...row }) => ({
      ...row,
      inStock: row.stock > 0,
      thumbnail: images.get(row.id)?.[0] ?? null,
      category: { slug: categorySlug, name: categoryName },
    })),
    total: totalRow?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
