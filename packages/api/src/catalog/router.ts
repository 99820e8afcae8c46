import { type Db, text } from "@shopwright/db";
import { z } from "zod";
import type { Context } from "../context.ts";
import { publicProcedure, router } from "../trpc.ts";
import { categoryTree } from "./categories.ts";
import { productBySlug } from "./product.ts";
import {
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  SEARCH_SORTS,
  SEARCH_TEXT_MAX_LENGTH,
  searchProducts,
} from "./search/search.ts";

const cents = z.number().int().min(0).max(2_147_483_647);

const searchInput = z
  .object({
    q: text().max(SEARCH_TEXT_MAX_LENGTH).optional(),
    categorySlug: text().min(1).max(200).optional(),
    minPriceCents: cents.optional(),
    maxPriceCents: cents.optional(),
    inStock: z.boolean().optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
    // The cap keeps (page - 1) * pageSize a safe integer for every database.
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .refine((input) => (input.minPriceCents ?? 0) <= (input.maxPriceCents ?? Number.POSITIVE_INFINITY), {
    message: "minPriceCents must not be above maxPriceCents",
    path: ["minPriceCents"],
  });

const searchOrAll = searchInput.default({ page: 1, pageSize: PAGE_SIZE_DEFAULT });
const productInput = z.object({ slug: text().min(1).max(200) });

const onReader = <T>(ctx: Context, read: (db: Db) => Promise<T>) =>
  ctx.readCatalog ? ctx.readCatalog(read) : read(ctx.db);

export const catalogRouter = router({
  categories: publicProcedure.query(({ ctx }) => onReader(ctx, categoryTree)),
  search: publicProcedure
    .input(searchOrAll)
    .query(({ ctx, input }) => onReader(ctx, (db) => searchProducts(db, input))),
  // The page from the reader, its stock from the primary: a replica's stock may be behind.
  product: publicProcedure
    .input(productInput)
    .query(({ ctx, input }) => onReader(ctx, (db) => productBySlug(db, input.slug, ctx.db))),
});

/**
 * The catalog reads whose answer depends on their input and the catalog alone — never on who
 * asks, their cookies or the time — each with its input schema, so a shared cache can key them
 * by the parsed input (defaults filled in) and the catalog version.
 */
export const cacheableCatalogQueries = {
  "catalog.categories": z.undefined(),
  "catalog.search": searchOrAll,
  "catalog.product": productInput,
} as const;
