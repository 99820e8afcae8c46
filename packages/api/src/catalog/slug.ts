/** Slugs: the URL names of products and categories, lower-case words joined by dashes. */
import { type Db, slugify, text } from "@shopwright/db";
import type { catalogTables } from "@shopwright/db/tables/catalog";
import { eq, like, or } from "drizzle-orm";

export const slugSchema = text()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes");

/** The first of `base`, `base-2`, `base-3`, … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

type CatalogTables = ReturnType<typeof catalogTables>;
type SlugTable = CatalogTables["products"] | CatalogTables["categories"];

/**
 * A slug for `name` that no row of `table` uses yet. The unique index still decides a race: two
 * writers may pick the same free slug, and the second gets CONFLICT.
 */
export async function freeSlug(db: Db, table: SlugTable, name: string): Promise<string> {
  const base = slugify(name);
  const rows: { slug: string }[] = await db.orm
    .select({ slug: table.slug })
    .from(table as CatalogTables["products"])
    .where(or(eq(table.slug, base), like(table.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}
