/**
 * The catalog's version: one number that every catalog write (products, categories, images)
 * moves inside its own transaction, so it moves exactly when the catalog a shopper sees changes.
 * Server processes key their cached catalog answers by it; reading it is one primary-key row.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { eq, sql } from "drizzle-orm";
import { type AuditEvent, recordAudit } from "../audit/audit-log.ts";

const ROW = 1;

/** Inside the transaction of a catalog write: the new version commits with the write. */
export async function bumpCatalogVersion(tx: Db): Promise<void> {
  const { catalogVersion } = catalogTables(tx);
  await tx.orm
    .insert(catalogVersion)
    .values({ id: ROW, version: 1 })
    .onConflictDoUpdate({ target: catalogVersion.id, set: { version: sql`${catalogVersion.version} + 1` } });
}

/**
 * What every catalog write does last, inside its transaction: record who changed what, and move
 * the version. One call, so no write can do one without the other.
 */
export async function recordCatalogWrite(tx: Db, event: AuditEvent): Promise<void> {
  await bumpCatalogVersion(tx);
  await recordAudit(tx, event);
}

/** The committed version; 0 before the first catalog write. */
export async function readCatalogVersion(db: Db): Promise<number> {
  const { catalogVersion } = catalogTables(db);
  const [row] = await db.orm
    .select({ version: catalogVersion.version })
    .from(catalogVersion)
    .where(eq(catalogVersion.id, ROW));
  return row?.version ?? 0;
}
