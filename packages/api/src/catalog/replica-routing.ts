/**
 * Where public catalog reads run when a streaming replica is configured (DATABASE_READ_URL).
 *
 * A replica replays the primary's WAL some time after each commit, so it may be behind. A read
 * goes to the replica only when the replica has replayed at least the catalog version the primary
 * has now (version.ts; every catalog write moves it), so:
 *
 * - an admin's edit shows at the next request, as without a replica: the shopper who just changed
 *   a price reads the new one, whichever process answers;
 * - a response cache that keys an answer by the primary's version read before the read runs never
 *   stores an older catalog under a newer version: the answer was read at that version or a later
 *   one (a replica only moves forward);
 * - a replica that is behind, down or failing costs nothing but the primary's work: the read runs
 *   on the primary, and the caller hears of each read's database and reason.
 */
import type { Db } from "@shopwright/db";
import type { CatalogReader } from "../context.ts";
import { DomainError } from "../errors.ts";

/** Why a read ran where it did: on the replica, or on the primary because the replica lags or fails. */
export type ReplicaReason = "caught_up" | "lagging" | "unreachable";

export interface ReplicaRoutingOptions {
  primary: Db;
  replica: Db;
  /** The catalog version the primary has now, and the one the replica has replayed. */
  primaryVersion: () => Promise<number>;
  replicaVersion: () => Promise<number>;
  /** After the replica failed, reads stay on the primary this long before it is tried again. */
  retryMs: number;
  /** Each read's database and why. */
  onRead?: (database: "replica" | "primary", reason: ReplicaReason) => void;
  /** The replica failed (a read or its version): what the next `retryMs` of reads skip it for. */
  onFailure?: (error: unknown) => void;
}

export function routeCatalogReads(options: ReplicaRoutingOptions): CatalogReader {
  const { primary, replica } = options;
  const onRead = options.onRead ?? (() => {});
  let retryAt = 0;
  const onPrimary = <T>(read: (db: Db) => Promise<T>, reason: ReplicaReason) => {
    onRead("primary", reason);
    return read(primary);
  };
  const failed = (error: unknown) => {
    retryAt = Date.now() + options.retryMs;
    options.onFailure?.(error);
  };

  return async (read) => {
    if (Date.now() < retryAt) return onPrimary(read, "unreachable");
    let replayed: number;
    try {
      replayed = await options.replicaVersion();
    } catch (error) {
      failed(error);
      return onPrimary(read, "unreachable");
    }
    if (replayed < (await options.primaryVersion())) return onPrimary(read, "lagging");
    onRead("replica", "caught_up");
    try {
      return await read(replica);
    } catch (error) {
      // The shop's own answers (NOT_FOUND …) are answers; anything else is the replica failing.
      if (error instanceof DomainError) throw error;
      failed(error);
      return onPrimary(read, "unreachable");
    }
  };
}
