/**
 * Crash recovery. graphile-worker locks a job to the worker pool running it and, if that process
 * dies, leaves the lock for about four hours. So every pool records a heartbeat in
 * `worker_heartbeats`, and a sweeper in every worker process unlocks the jobs of pools that have
 * been silent longer than `staleAfterMs`, with graphile-worker's own `forceUnlockWorkers`.
 *
 * Both use the database's clock (these tables and graphile-worker's `locked_at` live on Postgres
 * only), so clock skew between worker machines cannot make a live worker look dead.
 */
import { hostname } from "node:os";
import { advisoryLocks, type Db } from "@shopwright/db";
import { workerTables } from "@shopwright/db/tables/worker";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { WorkerUtils } from "graphile-worker";

export async function recordHeartbeat(db: Db, workerId: string): Promise<void> {
  await db.run(sql`
    insert into worker_heartbeats (worker_id, hostname, pid, started_at, last_seen_at)
    values (${workerId}, ${hostname()}, ${process.pid}, now(), now())
    on conflict (worker_id) do update set last_seen_at = now()`);
}

export async function recordStopped(db: Db, workerId: string): Promise<void> {
  await db.run(
    sql`update worker_heartbeats set stopped_at = now(), last_seen_at = now() where worker_id = ${workerId}`,
  );
}

/**
 * Unlocks every job held longer than `staleAfterMs` by a worker without a fresh heartbeat — one that
 * died, or never got to record one — and marks those workers stopped. Returns the ids unlocked.
 * A live worker running a long job keeps its heartbeat fresh, so its lock is never touched.
 */
export async function sweepStaleWorkers(db: Db, utils: WorkerUtils, staleAfterMs: number): Promise<string[]> {
  const stale = `${Math.max(1, Math.round(staleAfterMs))} milliseconds`;
  const silent = await db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ acquired: boolean }>(
      sql`select pg_try_advisory_xact_lock(${advisoryLocks.jobSweep}) as acquired`,
    );
    if (!lock?.acquired) return [];
    const rows = await tx.execute<{ locked_by: string }>(sql`
      select distinct j.locked_by from graphile_worker.jobs j
      where j.locked_by is not null
        and j.locked_at < now() - ${stale}::interval
        and not exists (
          select 1 from worker_heartbeats h
          where h.worker_id = j.locked_by and h.stopped_at is null and h.last_seen_at >= now() - ${stale}::interval
        )`);
    const ids = rows.map((r) => r.locked_by);
    if (ids.length > 0) {
      const t = workerTables(tx).workerHeartbeats;
      await tx.orm
        .update(t)
        .set({ stoppedAt: sql`now()` })
        .where(and(inArray(t.workerId, ids), isNull(t.stoppedAt)));
    }
    return ids;
  });
  // After the transaction: on the embedded database another connection would wait for it to end.
  if (silent.length > 0) await utils.forceUnlockWorkers(silent);
  return silent;
}
