import { PgTable, getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { SQLiteTable, getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "./pg.ts";
import * as sqlite from "./sqlite.ts";

/** Columns one dialect has by design; SQLite searches through its FTS5 table instead. */
const DIALECT_ONLY = new Set(["products.searchVector"]);

type Shape = Record<string, { columns: Record<string, { notNull: boolean; primary: boolean }>; indexes: string[] }>;

function shape(
  tables: Record<string, unknown>,
  isTable: (t: unknown) => boolean,
  config: (t: never) => {
    name: string;
    columns: { name: string; notNull: boolean; primary: boolean }[];
    indexes: { config: { name?: string } }[];
  },
): Shape {
  const out: Shape = {};
  for (const table of Object.values(tables).filter(isTable)) {
    const c = config(table as never);
    out[c.name] = {
      columns: Object.fromEntries(
        c.columns
          .filter((col) => !DIALECT_ONLY.has(`${c.name}.${col.name}`))
          .map((col) => [col.name, { notNull: col.notNull, primary: col.primary }]),
      ),
      indexes: c.indexes
        .map((i) => i.config.name ?? "")
        .filter((n) => n !== "products_search_vector_index")
        .sort(),
    };
  }
  return out;
}

describe("the Postgres and SQLite schemas", () => {
  // casing is applied by the client, so compare the database names it will produce
  const pgShape = shape(pg, (t) => t instanceof PgTable, pgTableConfig as never);
  const sqliteShape = shape(sqlite, (t) => t instanceof SQLiteTable, sqliteTableConfig as never);

  it("have the same tables", () => {
    expect(Object.keys(sqliteShape).sort()).toEqual(Object.keys(pgShape).sort());
    expect(Object.keys(pgShape).length).toBeGreaterThanOrEqual(18);
  });

  it("have the same columns, nullability, keys and indexes in every table", () => {
    expect(sqliteShape).toEqual(pgShape);
  });
});
