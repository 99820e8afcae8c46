/**
 * The benchmark's ceiling: the app's router plus `bench.ceiling`, a public query that returns a
 * fixed page shaped and sized like a search page (24 products) without touching the database.
 * Measured through the same server, middleware, tRPC and superjson as the catalog, it is the most
 * any catalog read could do. Only a server started with BENCH_CEILING=on (the bench's) mounts it;
 * the production router has no such procedure.
 */
import { imageView } from "./catalog/images.ts";
import type { SearchResult } from "./catalog/search/search.ts";
import type { AppRouter } from "./root.ts";
import { mergeRouters, publicProcedure, router } from "./trpc.ts";

const PAGE: SearchResult = {
  items: Array.from({ length: 24 }, (_, i) => ({
    id: `prod_019a5c3e7b2d7c41a8f3${String(i).padStart(12, "0")}`,
    slug: `aurora-brass-desk-lamp-${i}`,
    name: `Aurora Brass Desk Lamp ${i}`,
    priceCents: 12_999 + i * 100,
    maxPriceCents: 12_999 + i * 100,
    stock: 12 + i,
    inStock: true,
    thumbnail: imageView({
      id: `img_019a5c3e7b2d7c41a8f3${String(i).padStart(12, "0")}`,
      key: `originals/prod_019a5c3e7b2d7c41a8f3${String(i).padStart(12, "0")}/img_019a5c3e7b2d.jpg`,
      alt: `Aurora Brass Desk Lamp ${i}`,
      width: 1600,
      height: 1600,
      contentHash: "3f5a9c0d2b7e41a6",
      variantsAt: new Date(0),
      variantId: null,
    }),
    category: { slug: "lighting", name: "Lighting" },
  })),
  total: 1_234,
  page: 1,
  pageSize: 24,
  correctedQuery: null,
};

export function createBenchCeilingRouter(appRouter: AppRouter) {
  return mergeRouters(appRouter, router({ bench: router({ ceiling: publicProcedure.query(() => PAGE) }) }));
}
