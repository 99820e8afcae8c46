/**
 * How a domain reaches its tables: `catalogTables(db)` gives the catalog's tables of the dialect
 * `db` runs on, typed as the Postgres ones (as `db.orm` is). Each owner has an entry point
 * (`@shopwright/db/tables/<owner>`), so a domain importing another owner's tables is an import
 * `pnpm check:deps` can see and refuse.
 */
import type { Db } from "../client.ts";

export function ownerTables<Tables>(pg: Tables, sqlite: unknown): (db: Pick<Db, "dialect">) => Tables {
  // Each SQLite table mirrors its Postgres twin column for column (schema-parity.unit.test.ts).
  const onSqlite = sqlite as Tables;
  return (db) => (db.dialect === "postgres" ? pg : onSqlite);
}
