/** The admin's grid of a product's variants, a page at a time: a product may have up to 250. */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, asc, count, eq, or, sql } from "drizzle-orm";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import { variantColumns } from "./variants.ts";

/** Variants in the merchant's order, archived ones included; `q` matches the SKU or any option value. */
export async function pageOfVariants(db: Db, input: Page & { productId: string; q?: string }) {
  const { productVariants } = catalogTables(db);
  const where = and(
    eq(productVariants.productId, input.productId),
    input.q
      ? or(
          containsText(productVariants.sku, input.q),
          containsText(sql`cast(${productVariants.options} as text)`, input.q),
        )
      : undefined,
  );
  return pageOf(
    input,
    db.orm
      .select(variantColumns(db))
      .from(productVariants)
      .where(where)
      .orderBy(asc(productVariants.position), asc(productVariants.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.orm.select({ total: count() }).from(productVariants).where(where),
  );
}
