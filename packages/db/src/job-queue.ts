/**
 * Where enqueued jobs go: the port `@shopwright/jobs` writes through (it checks payloads against
 * the task list first). Each `Db` is composed with its queue by its factory, so the choice is made
 * once, where the database is: a Postgres `Db` (server, worker, Postgres tests) adds jobs with
 * graphile-worker's `add_job` on its own connection, so a job enqueued inside a transaction
 * commits or rolls back with it; a SQLite `Db`, which only tests use and which has no worker,
 * records them in memory, holding a transaction's jobs back until it commits.
 */
import { type SQL, sql } from "drizzle-orm";

export interface JobRequest {
  task: string;
  payload: Record<string, unknown>;
  /** At most one pending job per key: adding again replaces the pending one. */
  jobKey: string | null;
  runAt: Date | null;
  maxAttempts: number;
}

export interface QueuedJob {
  task: string;
  payload: Record<string, unknown>;
  jobKey: string | null;
  runAt: Date | null;
}

export interface JobQueue {
  add(job: JobRequest): Promise<void>;
  /** The jobs waiting to run, oldest first. */
  pending(task?: string): Promise<QueuedJob[]>;
}

type Execute = <Row extends Record<string, unknown>>(query: SQL) => Promise<Row[]>;

/** graphile-worker's queue, reached through `execute` so it joins the caller's transaction. */
export function graphileJobQueue(execute: Execute): JobQueue {
  return {
    async add({ task, payload, jobKey, runAt, maxAttempts }) {
      await execute(sql`
        select graphile_worker.add_job(
          identifier => ${task}::text,
          payload => ${JSON.stringify(payload)}::json,
          run_at => ${runAt?.toISOString() ?? null}::timestamptz,
          max_attempts => ${maxAttempts}::int,
          job_key => ${jobKey}::text
        )`);
    },
    async pending(task) {
      const rows = await execute<{
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
      return rows.map((r) => ({
        task: r.task_identifier,
        payload: r.payload,
        jobKey: r.key,
        runAt: new Date(r.run_at),
      }));
    },
  };
}

/** Adds `job` to `jobs` as graphile-worker would: a pending job with the same key is replaced in place. */
function record(jobs: QueuedJob[], { task, payload, jobKey, runAt }: JobRequest): void {
  // A JSON round trip, as through Postgres: the recorded payload is what a worker would receive.
  const entry = { task, payload: JSON.parse(JSON.stringify(payload)), jobKey, runAt };
  const existing = jobKey === null ? -1 : jobs.findIndex((j) => j.jobKey === jobKey);
  if (existing === -1) jobs.push(entry);
  else jobs[existing] = entry;
}

const waiting = (jobs: QueuedJob[], task: string | undefined) =>
  jobs.filter((j) => task === undefined || j.task === task);

export interface RecordingJobQueue extends JobQueue {
  /** A view for one transaction: its jobs join the record when `commit` is called, and never otherwise. */
  transaction(): JobQueue & { commit(): void };
}

/** The test queue: remembers what was enqueued, for tests to assert on; nothing ever runs. */
export function recordingJobQueue(): RecordingJobQueue {
  const committed: QueuedJob[] = [];
  return {
    async add(job) {
      record(committed, job);
    },
    async pending(task) {
      return waiting(committed, task);
    },
    transaction() {
      const added: JobRequest[] = [];
      const replay = (jobs: QueuedJob[]) => {
        for (const job of added) record(jobs, job);
        return jobs;
      };
      return {
        async add(job) {
          added.push(job);
        },
        async pending(task) {
          return waiting(replay([...committed]), task);
        },
        commit() {
          replay(committed);
        },
      };
    },
  };
}
