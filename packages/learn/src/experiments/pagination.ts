/**
 * Pagination: OFFSET makes the database read and throw away every row before the page, so deep
 * pages cost in proportion to their depth; keyset pagination ("after this row") seeks straight to
 * the page through an index on the sort order. Without that index both read the whole table.
 * The shop's grid shows page numbers and a total, so it uses OFFSET over an index that matches
 * each sort; this experiment shows what that costs at depth and when keyset would pay off.
 */
import { guestCaller } from "@shopwright/api/testing";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { generateCatalog } from "../catalog-data.ts";
import { type Experiment, requireDb } from "../experiment.ts";
import { type Measured, measure } from "../explain.ts";
import { ms, type Section } from "../report.ts";
import { shopConfig } from "../shop.ts";

export const PAGE_SIZE = 25;
/** The shop's index for the "newest" sort (see packages/db/src/schema/pg.ts). */
const NEWEST_INDEX = "products_status_created_at_id_index";

export interface PageFigures {
  page: number;
  offset: Measured;
  keyset: Measured;
}

export interface PaginationResult {
  products: number;
  withIndex: PageFigures[];
  withoutIndex: PageFigures[];
  /** catalog.search's wall time for the same pages, index in place. */
  shop: { page: number; ms: number }[];
}

const order = sql`order by created_at desc, id desc`;

function offsetPage(page: number) {
  return sql`select id, name, price_cents from products where status = 'active'
             ${order} limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`;
}

/** The page after the row (createdAt, id) that ended the previous one. */
async function keysetPage(db: PostgresDb, page: number) {
  if (page === 1)
    return sql`select id, name, price_cents from products where status = 'active' ${order} limit ${PAGE_SIZE}`;
  const [last] = await db.execute<{ created_at: Date; id: string }>(
    sql`select created_at, id from products where status = 'active' ${order} limit 1 offset ${(page - 1) * PAGE_SIZE - 1}`,
  );
  return sql`select id, name, price_cents from products
             where status = 'active' and (created_at, id) < (${last!.created_at}, ${last!.id})
             ${order} limit ${PAGE_SIZE}`;
}

async function figures(db: PostgresDb, pages: number[]): Promise<PageFigures[]> {
  const out: PageFigures[] = [];
  for (const page of pages) {
    out.push({
      page,
      offset: await measure(db, offsetPage(page)),
      keyset: await measure(db, await keysetPage(db, page)),
    });
  }
  return out;
}

export async function runPagination(db: PostgresDb, { products }: { products: number }): Promise<PaginationResult> {
  await generateCatalog(db, products);
  const pages = [1, 100, Math.ceil(products / PAGE_SIZE)];

  const withIndex = await figures(db, pages);
  const caller = guestCaller(db, { config: shopConfig });
  const shop = [];
  for (const page of pages) {
    const started = performance.now();
    await caller.catalog.search({ sort: "newest", page, pageSize: PAGE_SIZE });
    shop.push({ page, ms: performance.now() - started });
  }

  await db.run(sql.raw(`drop index ${NEWEST_INDEX}`));
  const withoutIndex = await figures(db, pages);
  return { products, withIndex, withoutIndex, shop };
}

const describe = (m: Measured) =>
  `${ms(m.ms).padStart(8)}, ${m.rowsRead.toLocaleString("en").padStart(7)} rows read  (${m.plan})`;

function section(heading: string, rows: PageFigures[]): Section {
  return {
    heading,
    rows: rows.flatMap((f): [string, string][] => [
      [`page ${f.page.toLocaleString("en")}, OFFSET`, describe(f.offset)],
      [`page ${f.page.toLocaleString("en")}, keyset`, describe(f.keyset)],
    ]),
  };
}

export const pagination: Experiment = {
  name: "pagination",
  summary: "OFFSET vs keyset at pages 1, 100 and 4,000 of 100k products, with and without the index",
  page: "catalog.md",
  database: true,
  async run(db) {
    const r = await runPagination(requireDb(db), { products: 100_000 });
    const deepest = r.withIndex.at(-1)!;
    return {
      title: `pagination: ${r.products.toLocaleString("en")} products, ${PAGE_SIZE} a page, newest first (server time, median of 3)`,
      sections: [
        section(`With the shop's index (${NEWEST_INDEX})`, r.withIndex),
        section("The wrong way: no index on the sort order", r.withoutIndex),
        {
          heading: "Shopwright: catalog.search (OFFSET, plus the total and thumbnails), wall time",
          rows: r.shop.map((s): [string, string] => [`page ${s.page.toLocaleString("en")}`, ms(s.ms)]),
        },
      ],
      verdict:
        `With the index, page ${deepest.page.toLocaleString("en")} by OFFSET reads ${deepest.offset.rowsRead.toLocaleString("en")} rows ` +
        `and keyset ${deepest.keyset.rowsRead.toLocaleString("en")}; without it, every page reads the whole table.`,
    };
  },
};
