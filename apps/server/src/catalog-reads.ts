/**
 * Where public catalog reads run when a read replica is configured (DATABASE_READ_URL).
 *
 * A replica replays the primary's WAL some time after each commit, so it may be behind. A read
 * goes to the replica only when the replica has replayed at least the catalog version the primary
 * has now (both versions are shared reads, see latest-version.ts), so:
 *
 * - an admin's edit shows at the next request on every process, as without a replica;
 * - the response cache, which keys an answer by the primary's version read before the read runs,
 *   never stores an older catalog under a newer version: the answer was read at that version or a
 *   later one (a replica only moves forward, and a newer answer under an older key is replaced as
 *   soon as the version moves);
 * - a replica that is behind, down or failing costs nothing but the primary's work: the read runs
 *   on the primary, the log says so once per change of state, and `catalog_reads_total` counts
 *   each read by database and reason.
 *
 * Stock moves with every order without a catalog write, so a product page takes its stock from the
 * primary (productBySlug's `stockFrom`); listings may show stock as old as the replica's lag plus
 * the cache's lifetime, as documented in docs/architecture.md.
 */
import { type CatalogReader, DomainError, readCatalogVersion } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { latestVersion } from "./latest-version.ts";
import type { AppLogger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

/** After a replica failed, reads stay on the primary this long before the replica is tried again. */
export const REPLICA_RETRY_MS = 2_000;

export interface CatalogReadsOptions {
  primary: Db;
  replica: Db;
  /** The primary's catalog version, shared with the response cache. */
  primaryVersion: () => Promise<number>;
  logger: AppLogger;
  metrics: Metrics;
}

type Reason = "caught_up" | "lagging" | "unreachable";

export function catalogReads(options: CatalogReadsOptions): CatalogReader {
  const { primary, replica, logger, metrics } = options;
  const replicaVersion = latestVersion(() => readCatalogVersion(replica));
  let retryAt = 0;
  let lastReason: Reason = "caught_up";

  const count = (database: "replica" | "primary", reason: Reason) => {
    metrics.catalogReads.inc({ database, reason });
    if (reason === lastReason) return;
    if (reason === "caught_up") logger.info("the read replica has caught up: catalog reads go to it again");
    else if (reason === "lagging")
      logger.info("the read replica is behind the catalog: catalog reads go to the primary");
    lastReason = reason;
  };
  const failed = (error: unknown) => {
    retryAt = Date.now() + REPLICA_RETRY_MS;
    if (lastReason !== "unreachable") {
      logger.warn({ err: error }, "the read replica failed: catalog reads go to the primary until it answers again");
    }
    lastReason = "unreachable";
  };

  return async (read) => {
    if (Date.now() < retryAt) {
      metrics.catalogReads.inc({ database: "primary", reason: "unreachable" });
      return read(primary);
    }
    let replayed: number;
    try {
      replayed = await replicaVersion();
    } catch (error) {
      failed(error);
      metrics.catalogReads.inc({ database: "primary", reason: "unreachable" });
      return read(primary);
    }
    if (replayed < (await options.primaryVersion())) {
      count("primary", "lagging");
      return read(primary);
    }
    count("replica", "caught_up");
    try {
      return await read(replica);
    } catch (error) {
      // The shop's own answers (NOT_FOUND …) are answers; anything else is the replica failing.
      if (error instanceof DomainError) throw error;
      failed(error);
      metrics.catalogReads.inc({ database: "primary", reason: "unreachable" });
      return read(primary);
    }
  };
}
