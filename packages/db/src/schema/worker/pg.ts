/** Not the shop's: the job worker's (packages/jobs) liveness records. */
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt } from "../columns/pg.ts";

/** Live graphile-worker processes; a sweeper unlocks the jobs of workers that went silent. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text().primaryKey(),
  hostname: text().notNull(),
  pid: integer().notNull(),
  startedAt: createdAt(),
  lastSeenAt: at().notNull(),
  stoppedAt: at(),
});
