import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import {
  PgDialect,
  PgTable,
  check as pgCheck,
  integer as pgInteger,
  pgTable,
  getTableConfig as pgTableConfig,
  text as pgText,
} from "drizzle-orm/pg-core";
import {
  SQLiteSyncDialect,
  SQLiteTable,
  check as sqliteCheck,
  integer as sqliteInteger,
  sqliteTable,
  getTableConfig as sqliteTableConfig,
  text as sqliteText,
} from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "./pg.ts";
import * as sqlite from "./sqlite.ts";

/**
 * What one dialect has by design: SQLite searches through its FTS5 table and matches misspellings
 * with a JavaScript trigram function instead.
 */
const DIALECT_ONLY = new Set(["products.searchVector", "products.products_name_trigram_index"]);
/** Tables only Postgres has: search's word index, which SQLite's FTS5 table stands in for. */
const PG_ONLY_TABLES = ["product_terms"];

interface ForeignKey {
  reference(): { columns: Column[]; foreignTable: PgTable | SQLiteTable; foreignColumns: Column[] };
  onDelete?: string;
  onUpdate?: string;
}
/** The parts of getTableConfig both dialects share. */
interface TableConfig {
  name: string;
  columns: Column[];
  indexes: { config: { name?: string; unique: boolean; columns: unknown[] } }[];
  foreignKeys: ForeignKey[];
  primaryKeys: { columns: Column[] }[];
  uniqueConstraints: { getName(): string | undefined; columns: Column[] }[];
  checks: { name: string; value: SQL }[];
}

/**
 * What keeps the table lists from mirroring each other: a table on one dialect only that is not
 * listed as Postgres's only, or a listed one Postgres lacks or SQLite has after all.
 */
function unmatchedTables(pgTables: string[], sqliteTables: string[]): string[] {
  return [
    ...pgTables
      .filter((t) => !sqliteTables.includes(t) && !PG_ONLY_TABLES.includes(t))
      .map((t) => `${t}: Postgres only`),
    ...sqliteTables.filter((t) => !pgTables.includes(t)).map((t) => `${t}: SQLite only`),
    ...PG_ONLY_TABLES.filter((t) => !pgTables.includes(t) || sqliteTables.includes(t)).map(
      (t) => `${t}: listed as Postgres only`,
    ),
  ];
}

const names = (columns: unknown[]) => columns.map((c) => (c as Column).name);

/**
 * Everything about a table the two schemas must agree on, in the database's terms: columns (kind
 * of value, enum, nullability, key, uniqueness, default), keys, foreign keys with their actions,
 * uniques, indexes and checks (compared as the SQL each dialect renders).
 */
function shape(
  tables: Record<string, unknown>,
  isTable: (t: unknown) => boolean,
  config: (t: never) => TableConfig,
  render: (q: SQL) => string,
) {
  const out: Record<string, unknown> = {};
  for (const table of Object.values(tables).filter(isTable)) {
    const c = config(table as never);
    const kept = (name: string) => !DIALECT_ONLY.has(`${c.name}.${name}`);
    out[c.name] = {
      columns: Object.fromEntries(
        c.columns
          .filter((col) => kept(col.name))
          .map((col) => [
            col.name,
            {
              kind: col.dataType,
              enum: col.enumValues,
              notNull: col.notNull,
              primary: col.primary,
              unique: col.isUnique ? col.uniqueName : null,
              default: col.default,
              defaultFn: col.defaultFn !== undefined,
              onUpdateFn: col.onUpdateFn !== undefined,
            },
          ]),
      ),
      primaryKeys: c.primaryKeys.map((k) => names(k.columns)),
      foreignKeys: c.foreignKeys
        .map((fk) => {
          const r = fk.reference();
          const target = `${getTableName(r.foreignTable)}(${names(r.foreignColumns)})`;
          return `${names(r.columns)} -> ${target} on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
        })
        .sort(),
      uniques: c.uniqueConstraints.map((u) => `${u.getName()}(${names(u.columns)})`).sort(),
      indexes: c.indexes
        .filter((i) => kept(i.config.name ?? ""))
        .map((i) => `${i.config.unique ? "unique " : ""}${i.config.name}(${names(i.config.columns)})`)
        .sort(),
      checks: c.checks.map((k) => `${k.name}: ${render(k.value)}`).sort(),
    };
  }
  return out;
}

const pgDialect = new PgDialect({ casing: "snake_case" });
const sqliteDialect = new SQLiteSyncDialect({ casing: "snake_case" });
const pgShape = (tables: Record<string, unknown>) =>
  shape(
    tables,
    (t) => t instanceof PgTable,
    pgTableConfig as never,
    (q) => pgDialect.sqlToQuery(q).sql,
  );
const sqliteShape = (tables: Record<string, unknown>) =>
  shape(
    tables,
    (t) => t instanceof SQLiteTable,
    sqliteTableConfig as never,
    (q) => sqliteDialect.sqlToQuery(q).sql,
  );

describe("the Postgres and SQLite schemas", () => {
  it("have the same tables but those listed as Postgres's only, each of which Postgres has", () => {
    const pgTables = Object.keys(pgShape(pg));
    expect(unmatchedTables(pgTables, Object.keys(sqliteShape(sqlite)))).toEqual([]);
    expect(pgTables.length).toBeGreaterThanOrEqual(18);
  });

  it("agree in every table on columns, keys, foreign keys, uniques, indexes, checks and defaults", () => {
    const shared = Object.fromEntries(Object.entries(pgShape(pg)).filter(([t]) => !PG_ONLY_TABLES.includes(t)));
    expect(sqliteShape(sqlite)).toEqual(shared);
  });
});

describe("the schema comparison", () => {
  // A pair of twins, then SQLite copies each differing from the Postgres one in a single respect.
  const pgTwin = {
    planted: pgTable(
      "planted",
      {
        id: pgText().primaryKey(),
        userId: pgText().references(() => pg.users.id, { onDelete: "cascade" }),
        code: pgText().unique(),
        count: pgInteger().notNull().default(0),
        label: pgText(),
      },
      (t) => [pgCheck("planted_count_nonnegative", sql`${t.count} >= 0`)],
    ),
  };
  const plant = (
    overrides: Partial<{
      onDelete: "cascade" | "restrict";
      unique: boolean;
      fallback: number;
      bound: number;
      kind: "integer" | "text";
    }>,
  ) => {
    const { onDelete = "cascade", unique = true, fallback = 0, bound = 0, kind = "text" } = overrides;
    return {
      planted: sqliteTable(
        "planted",
        {
          id: sqliteText().primaryKey(),
          userId: sqliteText().references(() => sqlite.users.id, { onDelete }),
          code: unique ? sqliteText().unique() : sqliteText(),
          count: sqliteInteger().notNull().default(fallback),
          label: kind === "text" ? sqliteText() : sqliteInteger(),
        },
        (t) => [sqliteCheck("planted_count_nonnegative", sql`${t.count} >= ${sql.raw(String(bound))}`)],
      ),
    };
  };

  it("tells a table on one dialect only from one listed as Postgres's only", () => {
    expect(unmatchedTables(["users", "product_terms"], ["users"])).toEqual([]);
    expect(unmatchedTables(["users", "product_terms", "planted"], ["users"])).toEqual(["planted: Postgres only"]);
    expect(unmatchedTables(["users", "product_terms"], ["users", "planted"])).toEqual(["planted: SQLite only"]);
    expect(unmatchedTables(["users"], ["users"])).toEqual(["product_terms: listed as Postgres only"]);
  });

  it("finds twins equal", () => {
    expect(sqliteShape(plant({}))).toEqual(pgShape(pgTwin));
  });

  it.each([
    ["a foreign key's action", { onDelete: "restrict" as const }],
    ["a unique constraint", { unique: false }],
    ["a default", { fallback: 1 }],
    ["a check", { bound: 1 }],
    ["a column's kind", { kind: "integer" as const }],
  ])("tells twins apart that differ in %s", (_, overrides) => {
    expect(sqliteShape(plant(overrides))).not.toEqual(pgShape(pgTwin));
  });
});
