/**
 * Product search for shoppers: free text, filters, sorts and page-based pagination with a total.
 * The text is parsed the way a search box is typed (text.ts) and matched by the database's
 * full-text search (matches.ts, which says how matches are ranked). When that finds nothing, the
 * words are matched fuzzily against product names by trigram similarity, and the answer says which
 * words it read instead (correction.ts: "Showing results for lamp"). Each page, its total and its
 * thumbnails come back in one query. Text is capped at 1,000 characters by the router (BAD_REQUEST
 * above that).
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, count, desc, eq, gt, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { type CategoryRef, categoryWithDescendants } from "../categories.ts";
import { imageView, type ProductImage, storedImageColumns } from "../images.ts";
import { productCardColumns } from "../product.ts";
import { someVariant } from "../variants.ts";
import { correctedQuery } from "./correction.ts";
import { fuzzyProductMatches, productMatches, type TextMatch, withFuzzyThreshold } from "./matches.ts";
import { fuzzyWords, parseSearchText } from "./text.ts";

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
  /** The lowest price of a variant for sale, and the highest ("from $24" when they differ). */
  priceCents: number;
  maxPriceCents: number;
  /** Every variant for sale's stock together. */
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
  /** The words searched for instead of the typed ones, when only fuzzy matching found products. */
  correctedQuery: string | null;
}

type Page = Pick<SearchResult, "items" | "total">;

/**
 * One page of the products for sale that pass `narrowing` (and match the text, when there is
 * text), in `sort` order. The page is chosen first and only its rows are joined to their category
 * and thumbnail: joining every match before the limit cost a common word more than the ranking.
 * By relevance and without filters, the page comes from the matches alone, never reading the
 * rows of the products it does not show.
 */
async function searchPage(
  db: Db,
  input: SearchInput,
  narrowing: SQL | undefined,
  matches: TextMatch | null,
): Promise<Page> {
  const { products, categories, productImages } = catalogTables(db);
  // Relevance means nothing without text; the newest products come first then.
  const requested = input.sort ?? "relevance";
  const sort = requested === "relevance" && !matches ? "newest" : requested;
  const joinProducts = narrowing !== undefined || sort !== "relevance";
  const candidateId = matches?.id ?? products.id;
  // Every order ends in the id, so equal prices, dates or scores never swap places between pages.
  const orderBy = (score: SQL | SQL.Aliased, id: SQL | typeof products.id) =>
    ({
      relevance: [desc(score), asc(id)],
      price_asc: [asc(products.priceCents), asc(products.id)],
      price_desc: [desc(products.priceCents), desc(products.id)],
      newest: [desc(products.createdAt), desc(products.id)],
    })[sort];
  /**
   * Each candidate with its score and the total: the text's matches (joined to their products
   * when a filter or the order needs them), else every product for sale.
   */
  const candidates = () => {
    const fields = {
      id: sql<string>`${candidateId}`.as("candidate_id"),
      score: (matches?.score ?? sql<number>`0`).as("score"),
      // The total in the same round trip. Text must score every match anyway, so a window counts
      // them as they pass; without text a count of its own lets the page come from an index scan
      // that stops after `pageSize` rows.
      total: (matches
        ? sql<number>`count(*) over ()`
        : sql<number>`(select count(*) from ${products} where ${and(forSale(db), narrowing)})`
      )
        .mapWith(Number)
        .as("total"),
    };
    if (!matches)
      return db.orm
        .select(fields)
        .from(products)
        .where(and(forSale(db), narrowing))
        .$dynamic();
    const query = db.orm.select(fields).from(matches.table).$dynamic();
    if (joinProducts) query.innerJoin(products, eq(products.id, matches.id));
    return query.where(narrowing);
  };
  const chosen = candidates()
    .orderBy(...orderBy(matches?.score ?? sql`0`, candidateId))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const page = db.orm.$with("page").as(chosen);

  // The thumbnail is the product's first image.
  const isFirstImage = sql`${productImages.id} = (select first_image.id from ${productImages} as first_image
    where first_image.product_id = ${products.id} order by first_image.position, first_image.id limit 1)`;
  const rows = await db.orm
    .with(page)
    .select({
      ...productCardColumns(db),
      categorySlug: categories.slug,
      categoryName: categories.name,
      image: storedImageColumns(db),
      total: page.total,
    })
    .from(page)
    .innerJoin(products, eq(products.id, page.id))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(productImages, and(eq(productImages.productId, products.id), isFirstImage))
    .orderBy(...orderBy(page.score, products.id));

  const items = rows.map(({ categorySlug, categoryName, image, total: _, ...row }) => ({
    ...row,
    inStock: row.stock > 0,
    // Drizzle reads a left join that found no image as null.
    thumbnail: image ? imageView(image) : null,
    category: { slug: categorySlug, name: categoryName },
  }));
  if (rows.length > 0 || input.page === 1) return { items, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total, so only then is it counted apart.
  const [totalRow] = await db.orm.select({ total: count() }).from(candidates().as("candidates"));
  return { items, total: totalRow?.total ?? 0 };
}

/**
 * A product passes the price and stock filters when one variant for sale passes them all: in a
 * $20–$30 filter, in stock, when a $25 variant has stock, not when only its $40 one has. The
 * product's own range (kept by `syncProductSummary`) overlapping the filter's is the cheap test
 * the index on `products(status, price_cents, id)` serves; the variants decide only for those.
 */
function variantFilters(db: Db, { minPriceCents: low, maxPriceCents: high, inStock }: SearchInput): SQL | undefined {
  if (low === undefined && high === undefined && !inStock) return undefined;
  const { products, productVariants } = catalogTables(db);
  return and(
    high === undefined ? undefined : lte(products.priceCents, high),
    low === undefined ? undefined : gte(products.maxPriceCents, low),
    someVariant(
      db,
      and(
        eq(productVariants.productId, products.id),
        eq(productVariants.status, "active"),
        low === undefined ? undefined : gte(productVariants.priceCents, low),
        high === undefined ? undefined : lte(productVariants.priceCents, high),
        inStock ? gt(productVariants.stock, 0) : undefined,
      ),
    ),
  );
}

/** The text as a SKU could be typed: one token, no spaces. */
function possibleSku(q: string): string | null {
  const sku = q.trim();
  return sku === "" || /\s/.test(sku) ? null : sku;
}

/** Products a shopper can see: the condition every search starts from. */
const forSale = (db: Db) => eq(catalogTables(db).products.status, "active");

/** Whether any product for sale matches the text at all, whatever the filters. */
async function anyMatch(db: Db, matches: TextMatch): Promise<boolean> {
  const [row] = await db.orm.select({ id: matches.id }).from(matches.table).limit(1);
  return row !== undefined;
}

export async function searchProducts(db: Db, input: SearchInput): Promise<SearchResult> {
  const { products } = catalogTables(db);
  const text = input.q === undefined ? null : parseSearchText(input.q);
  const matches = text && productMatches(db, text, possibleSku(input.q ?? ""));

  const conditions: SQL[] = [];
  if (input.categorySlug !== undefined) {
    const categoryIds = await categoryWithDescendants(db, input.categorySlug);
    if (!categoryIds) throw notFound("Category");
    conditions.push(inArray(products.categoryId, categoryIds));
  }
  const onVariants = variantFilters(db, input);
  if (onVariants) conditions.push(onVariants);
  const narrowing = and(...conditions);
  // With filters, no product may match because of them, not the words: then the words stand.
  const narrowed = narrowing !== undefined;
  const paging = { page: input.page, pageSize: input.pageSize };

  const found = await searchPage(db, input, narrowing, matches);
  const words = text && found.total === 0 ? fuzzyWords(text) : [];
  if (!matches || words.length === 0 || (narrowed && (await anyMatch(db, matches)))) {
    return { ...found, ...paging, correctedQuery: null };
  }
  const fuzzy = await withFuzzyThreshold(db, (tx) => searchPage(tx, input, narrowing, fuzzyProductMatches(tx, words)));
  const best = fuzzy.items[0];
  return {
    ...fuzzy,
    ...paging,
    correctedQuery: best ? await correctedQuery(db, input.q ?? "", words, best.name) : null,
  };
}
