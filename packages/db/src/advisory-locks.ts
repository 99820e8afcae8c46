import { createHash } from "node:crypto";

/**
 * Every Postgres advisory lock key the shop takes, in one place so no two uses share a key by
 * accident. The values are arbitrary; only their distinctness matters.
 */
export const advisoryLocks = {
  /** Held by a server while it migrates, so servers starting together migrate one at a time. */
  migration: 72_210_431,
  /** Held while a server seeds an empty database, so exactly one of them seeds. */
  seed: 72_210_432,
  /** Tried by each worker's sweeper, so one sweeper acts at a time. */
  jobSweep: 72_210_433,
  /** Held by a test run building the migrated template, so runs sharing a server build it once. */
  testTemplate: 72_210_434,
} as const;

/**
 * The advisory lock key of a named thing (a guest's email, an address), for locks taken per value
 * rather than once for the shop: 48 bits of the name's SHA-256, negated, so no value's key is ever
 * one of the fixed positive keys above. Two names sharing a key only wait for each other.
 */
export function advisoryKeyFor(name: string): number {
  return -(createHash("sha256").update(name).digest().readUIntBE(0, 6) + 1);
}
