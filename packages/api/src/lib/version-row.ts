/**
 * A version row: one row, id 1, holding a number that every write of what it covers moves inside
 * its own transaction, so it moves exactly when that data changes and server processes can key
 * their copies of the data by it. The catalog and the pricing rules each have one.
 */
import type { Db } from "@shopwright/db";
import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

const ROW = 1;

export type VersionTable = PgTable & { id: PgColumn; version: PgColumn };

/** Inside the transaction of a write: the new version commits with the write. */
export async function bumpVersion(tx: Db, table: VersionTable): Promise<void> {
  await tx.orm
    .insert(table)
    .values({ id: ROW, version: 1 })
    .onConflictDoUpdate({ target: table.id, set: { version: sql`${table.version} + 1` } });
}

/** The committed version; 0 before the first write. */
export async function readVersion(db: Db, table: VersionTable): Promise<number> {
  const [row] = await db.orm.select({ version: table.version }).from(table).where(eq(table.id, ROW));
  return (row?.version as number | undefined) ?? 0;
}
