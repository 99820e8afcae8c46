/** What the admin tables share: page-based pagination and case-insensitive substring search. */
import { type Column, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
};

export interface Page {
  page: number;
  pageSize: number;
}

export const offsetOf = ({ page, pageSize }: Page) => (page - 1) * pageSize;

/** One page of rows and how many rows match in all, in the shape every paged list answers with. */
export async function pageOf<T>(page: Page, rows: PromiseLike<T[]>, matching: PromiseLike<{ total: number }[]>) {
  const [items, [counted]] = await Promise.all([rows, matching]);
  return { items, total: counted?.total ?? 0, page: page.page, pageSize: page.pageSize };
}

/** `column` contains `text`, ignoring case, with LIKE's wildcards in `text` taken literally. */
export function containsText(column: Column | SQL, text: string): SQL {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${column}) like ${pattern} escape '\\'`;
}
