/**
 * The pricing version: moved by every admin write of the shipping zones, tax settings or tax rates
 * inside its own transaction, so it moves exactly when the rules a quote reads change. Server
 * processes key their copy of those rules by it (./rules.ts); reading it is one primary-key row.
 */
import type { Db } from "@shopwright/db";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { type AuditEvent, recordAudit } from "../audit/audit-log.ts";
import { bumpVersion, readVersion } from "../lib/version-row.ts";

export const bumpPricingVersion = (tx: Db) => bumpVersion(tx, pricingTables(tx).pricingVersion);

/**
 * What every admin write of the zones or the tax settings does last, inside its transaction: record
 * who changed what, and move the version. One call, so no write can do one without the other.
 */
export async function recordPricingWrite(tx: Db, event: AuditEvent): Promise<void> {
  await bumpPricingVersion(tx);
  await recordAudit(tx, event);
}

export const readPricingVersion = (db: Db) => readVersion(db, pricingTables(db).pricingVersion);
