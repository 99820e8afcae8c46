/**
 * Child rows carried in their parent's row: a product page reads the product with its variants,
 * images and category path in one statement, where a statement per list would cost a round trip
 * and the server's per-statement work each. The rows travel as a JSON array (`db.sql.jsonArray`),
 * and each value is decoded by its own column, as Drizzle decodes a plain select: a timestamp
 * becomes a Date, a JSON column its value, on both dialects.
 */
import type { Column, GetColumnData, SQL } from "drizzle-orm";
import type { Db } from "./client.ts";

export type JsonRow<Fields extends Record<string, Column>> = { [K in keyof Fields]: GetColumnData<Fields[K]> };

/**
 * `fields` of the rows `from` selects (a FROM clause and its conditions), in `orderBy`'s order, as
 * one value of the outer select.
 */
export function jsonRows<Fields extends Record<string, Column>>(
  db: Db,
  fields: Fields,
  from: SQL,
  orderBy: SQL,
): SQL<JsonRow<Fields>[]> {
  const entries = Object.entries(fields);
  return db.sql.jsonArray(entries, from, orderBy).mapWith((value: unknown) => {
    // node-postgres parses a json value; SQLite gives its text.
    const rows = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>[];
    return rows.map((row) =>
      Object.fromEntries(
        entries.map(([key, column]) => [key, row[key] === null ? null : column.mapFromDriverValue(row[key])]),
      ),
    ) as JsonRow<Fields>[];
  });
}
