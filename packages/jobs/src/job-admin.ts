/**
 * The admin's view of the queue: pending, failing and permanently failed jobs (the dead letters),
 * and putting one back. It reads graphile-worker's tables, so it runs on Postgres only: a test
 * database's recording queue has no attempts, failures or worker to show.
 */
import type { Db } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { isSecretField, REDACTED, redactSecrets } from "./redaction.ts";

export type JobState = "pending" | "failed" | "permanently_failed";

export interface JobSummary {
  id: string;
  task: string;
  state: JobState;
  /** Locked by a worker right now. */
  running: boolean;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
  /** The payload's fields, each value cut short and secrets masked (as the logs leave them out): enough to tell jobs apart. */
  payloadSummary: string;
}

/**
 * graphile-worker counts an attempt when a job is picked up, so a job running its last attempt
 * already has attempts = max_attempts: it is permanently failed only once that attempt has ended
 * (unlocked); until then it is pending, or failing if an earlier attempt failed.
 */
const stillRunnable = sql`(j.attempts < j.max_attempts or j.locked_at is not null)`;
const stateCondition = {
  pending: sql`${stillRunnable} and j.last_error is null`,
  failed: sql`${stillRunnable} and j.last_error is not null`,
  permanently_failed: sql`j.attempts >= j.max_attempts and j.locked_at is null`,
} as const;

export async function listJobs(db: Db, state: JobState, limit = 100): Promise<JobSummary[]> {
  const rows = await db.execute<{
    id: string | number;
    task: string;
    locked_at: Date | string | null;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    run_at: Date | string;
    created_at: Date | string;
    payload: unknown;
  }>(
    // The public `jobs` view omits payloads, so the private table is joined for them.
    sql`select j.id, j.task_identifier as task, j.locked_at, j.attempts, j.max_attempts, j.last_error,
               j.run_at, j.created_at, p.payload
        from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
        where ${stateCondition[state]}
        order by j.run_at, j.id limit ${limit}`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    task: r.task,
    state,
    running: r.locked_at !== null,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    runAt: new Date(r.run_at),
    createdAt: new Date(r.created_at),
    payloadSummary: summarize(r.payload),
  }));
}

export type RetryResult = "retried" | "not_found" | "running";

/**
 * Puts a failing or permanently failed job back in the queue: attempts start again from zero and
 * it runs now. A job a worker holds right now is left alone.
 */
export async function retryJob(db: Db, id: string): Promise<RetryResult> {
  // graphile-worker's `rescheduleJobs` (WorkerUtils) is this SQL function; called directly it runs
  // on the `Db` given, with no WorkerUtils pool of its own. It skips locked jobs.
  const rows = await db.execute<{ id: string }>(sql`
    select id from graphile_worker.reschedule_jobs(array[${id}]::bigint[], run_at => now(), attempts => 0)`);
  if (rows.length > 0) return "retried";
  const exists = await db.execute<{ id: string }>(sql`select id from graphile_worker.jobs where id = ${id}::bigint`);
  return exists.length > 0 ? "running" : "not_found";
}

function summarize(payload: unknown): string {
  if (!payload || typeof payload !== "object") return "";
  return Object.entries(payload as Record<string, unknown>)
    .filter(([key]) => key !== "_cron")
    .map(([key, value]) => {
      if (isSecretField(key)) return `${key}=${REDACTED}`;
      return `${key}=${String(typeof value === "object" ? JSON.stringify(redactSecrets(value)) : value).slice(0, 40)}`;
    })
    .join(" ");
}
