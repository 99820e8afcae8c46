/**
 * Public catalog reads on the read replica (DATABASE_READ_URL) when it has caught up with the
 * primary's catalog version, else on the primary: the rule is routeCatalogReads
 * (packages/api/src/catalog/replica-routing.ts). Here it gets the versions it compares, the log
 * (once per change of state) and `catalog_reads_total` (each read, by database and reason).
 *
 * Stock moves with every order without a catalog write, so a product page takes its stock from the
 * primary (productBySlug's `stockFrom`); listings may show stock as old as the replica's lag plus
 * the cache's lifetime, as documented in docs/architecture.md.
 */
import { type CatalogReader, type ReplicaReason, readCatalogVersion, routeCatalogReads } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { latestVersion } from "./latest-version.ts";
import type { AppLogger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

/** After a replica failed, reads stay on the primary this long before the replica is tried again. */
const REPLICA_RETRY_MS = 2_000;

export interface CatalogReadsOptions {
  primary: Db;
  replica: Db;
  /** The primary's catalog version, shared with the response cache. */
  primaryVersion: () => Promise<number>;
  logger: AppLogger;
  metrics: Metrics;
}

export function catalogReads(options: CatalogReadsOptions): CatalogReader {
  const { primary, replica, logger, metrics } = options;
  let lastReason: ReplicaReason = "caught_up";
  return routeCatalogReads({
    primary,
    replica,
    primaryVersion: options.primaryVersion,
    replicaVersion: latestVersion(() => readCatalogVersion(replica)),
    retryMs: REPLICA_RETRY_MS,
    onRead(database, reason) {
      metrics.catalogReads.inc({ database, reason });
      if (reason === "unreachable" || reason === lastReason) return;
      if (reason === "caught_up") logger.info("the read replica has caught up: catalog reads go to it again");
      else logger.info("the read replica is behind the catalog: catalog reads go to the primary");
      lastReason = reason;
    },
    onFailure(error) {
      if (lastReason !== "unreachable") {
        logger.warn({ err: error }, "the read replica failed: catalog reads go to the primary until it answers again");
      }
      lastReason = "unreachable";
    },
  });
}
