import type { Db } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { type TaskName, type TaskPayload, taskMaxAttempts, taskPayloads } from "./tasks.ts";

export interface EnqueueOptions {
  /** At most one pending job per key: enqueueing again replaces the pending one. */
  jobKey?: string;
  runAt?: Date;
  /** Defaults to the task's `taskMaxAttempts`. */
  maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction (graphile-worker's `add_job`), so a rolled-back
 * transaction enqueues nothing. On SQLite, which has no worker, the job is recorded in
 * `job_queue` for tests to inspect.
 */
export async function enqueue<T extends TaskName>(
  db: Db,
  task: T,
  payload: TaskPayload<T>,
  options: EnqueueOptions = {},
): Promise<void> {
  const checked = JSON.stringify(taskPayloads[task].parse(payload));
  const { jobKey = null, runAt = null, maxAttempts = taskMaxAttempts[task] } = options;
  if (db.dialect === "sqlite") {
    await db.run(sql`
      insert into job_queue (task, payload, job_key, run_at, max_attempts, created_at)
      values (${task}, ${checked}, ${jobKey}, ${runAt?.getTime() ?? null}, ${maxAttempts}, ${Date.now()})
      on conflict (job_key) do update set payload = excluded.payload, run_at = excluded.run_at`);
    return;
  }
  await db.execute(sql`
    select graphile_worker.add_job(
      identifier => ${task}::text,
      payload => ${checked}::json,
      run_at => ${runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${maxAttempts}::int,
      job_key => ${jobKey}::text
    )`);
}

export interface QueuedJob {
  task: string;
  payload: Record<string, unknown>;
  jobKey: string | null;
  runAt: Date | null;
}

/** The jobs waiting to run, oldest first, on any dialect: for tests and the admin app. */
export async function queuedJobs(db: Db, task?: TaskName): Promise<QueuedJob[]> {
  if (db.dialect === "sqlite") {
    const rows = await db.execute<{ task: string; payload: string; job_key: string | null; run_at: number | null }>(
      sql`select task, payload, job_key, run_at from job_queue ${task ? sql`where task = ${task}` : sql``} order by id`,
    );
    return rows.map((r) => ({
      task: r.task,
      payload: JSON.parse(r.payload),
      jobKey: r.job_key,
      runAt: r.run_at === null ? null : new Date(r.run_at),
    }));
  }
  const rows = await db.execute<{
    task_identifier: string;
    payload: Record<string, unknown>;
    key: string | null;
    run_at: Date | string;
  }>(
    // The public `jobs` view omits payloads; the private tables are read here and nowhere else.
    sql`select t.identifier as task_identifier, j.payload, j.key, j.run_at
        from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        ${task ? sql`where t.identifier = ${task}` : sql``} order by j.id`,
  );
  return rows.map((r) => ({ task: r.task_identifier, payload: r.payload, jobKey: r.key, runAt: new Date(r.run_at) }));
}
