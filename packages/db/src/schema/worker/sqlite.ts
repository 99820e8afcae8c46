/** Not the shop's: the job worker's (packages/jobs) liveness records. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { at, createdAt } from "../columns/sqlite.ts";

/** Live graphile-worker processes; a sweeper unlocks the jobs of workers that went silent. */
export const workerHeartbeats = sqliteTable("worker_heartbeats", {
  workerId: text().primaryKey(),
  hostname: text().notNull(),
  pid: integer().notNull(),
  startedAt: createdAt(),
  lastSeenAt: at().notNull(),
  stoppedAt: at(),
});
