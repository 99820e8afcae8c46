/**
 * The catalog's version: one number that every catalog write (products, categories, images)
 * moves inside its own transaction, so it moves exactly when the catalog a shopper sees changes.
 * Server processes key their cached catalog answers by it; reading it is one primary-key row.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { type AuditEvent, recordAudit } from "../audit/audit-log.ts";
import { bumpVersion, readVersion } from "../lib/version-row.ts";

/** Inside the transaction of a catalog write: the new version commits with the write. */
export const bumpCatalogVersion = (tx: Db) => bumpVersion(tx, catalogTables(tx).catalogVersion);

/**
 * What every catalog write does last, inside its transaction: record who changed what, and move
 * the version. One call, so no write can do one without the other.
 */
export async function recordCatalogWrite(tx: Db, event: AuditEvent): Promise<void> {
  await bumpCatalogVersion(tx);
  await recordAudit(tx, event);
}

/** The committed version; 0 before the first catalog write. */
export const readCatalogVersion = (db: Db) => readVersion(db, catalogTables(db).catalogVersion);
