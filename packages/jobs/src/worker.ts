/**
 * The worker runner: graphile-worker's `run()` with the task list, the schedules, payloads checked
 * at run time, logs that carry each job's request id, and crash recovery (./heartbeat.ts).
 * The server runs it inline or `pnpm worker` runs it alone; any number of them share one Postgres.
 */
import { EventEmitter } from "node:events";
import { createPgPool, type Db } from "@shopwright/db";
import {
  Logger as GraphileLogger,
  type Job,
  makeWorkerUtils,
  run,
  type Task,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import { z } from "zod";
import { recordHeartbeat, recordStopped, sweepStaleWorkers } from "./heartbeat.ts";
import { redactSecrets } from "./redaction.ts";
import { type TaskName, taskMaxAttempts, taskPayloads } from "./tasks.ts";

/** The slice of pino the worker logs through (the API's `Logger` has the same shape). */
export interface JobLog {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): JobLog;
}

/** Handlers for some of the task list; a handler receives its payload already checked. */
export type TaskHandlerMap = { [K in TaskName]?: Task<K> };

/** `failed`: this attempt failed and the job will be retried; `permanently_failed`: it will not. */
export type JobOutcome = "succeeded" | "failed" | "permanently_failed";

export interface WorkerOptions {
  /** A Postgres database (not SQLite): heartbeats and the sweeper go through it. */
  db: Db;
  /** graphile-worker opens its own pool here, so HTTP load cannot starve the worker of connections. */
  databaseUrl: string;
  tasks: TaskHandlerMap;
  log: JobLog;
  concurrency?: number;
  pollIntervalMs?: number;
  /** How often this worker records that it is alive and sweeps for dead ones. */
  heartbeatIntervalMs?: number;
  /** A worker silent this long is dead: its jobs are unlocked for others to run. */
  staleAfterMs?: number;
  onJobFinished?: (task: string, outcome: JobOutcome) => void;
}

export interface JobWorker {
  /** graphile-worker's pool id: what locks this worker's jobs, and its `worker_heartbeats` row. */
  readonly workerId: string;
  /** Stops taking jobs, lets running ones finish, then records that this worker stopped. */
  stop(): Promise<void>;
}

/** Recurring jobs, added only when a handler for the task is registered. */
const schedules: Partial<Record<TaskName, string>> = {
  cleanup_abandoned_carts: "0 4 * * *",
  prune_expired_records: "17 * * * *",
};

export async function startWorker(options: WorkerOptions): Promise<JobWorker> {
  const { db, log } = options;
  const concurrency = options.concurrency ?? 4;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5_000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const events: WorkerEvents = new EventEmitter();
  let workerId: string | undefined;
  let firstHeartbeat: Promise<void> | undefined;
  events.on("pool:create", ({ workerPool }) => {
    workerId = workerPool.id;
    firstHeartbeat = recordHeartbeat(db, workerPool.id);
    // Awaited once run() returns; this only keeps an early failure from being reported as unhandled.
    firstHeartbeat.catch(() => undefined);
  });
  observe(events, log, options.onJobFinished);

  const taskList: TaskList = {};
  for (const name of Object.keys(options.tasks) as TaskName[]) {
    const handler = options.tasks[name];
    if (handler) taskList[name] = checked(name, handler as Task<TaskName>, log);
  }
  // Always a string: without one graphile-worker looks for a `crontab` file in the working directory.
  const crontab = [
    "# recurring jobs (minute hour day month weekday task ?options)",
    ...(Object.keys(schedules) as TaskName[])
      .filter((name) => taskList[name])
      .map((name) => `${schedules[name]} ${name} ?max=${taskMaxAttempts[name]}&jobKey=${name}`),
  ].join("\n");

  // Our own pool, so a dropped connection (a restarted server) is logged, not an unhandled error,
  // and the worker's statements get the same timeouts as the app's. One connection listens for new
  // jobs, one serves the utils below, the rest run jobs.
  const pgPool = createPgPool(options.databaseUrl, {
    max: concurrency + 3,
    onError: (error) => log.warn({ err: error }, "a worker database connection failed; it is replaced on next use"),
  });
  const runner = await run({
    pgPool,
    concurrency,
    pollInterval: options.pollIntervalMs ?? 2_000,
    noHandleSignals: true,
    taskList,
    crontab,
    events,
    logger: graphileLogger(log.child({ source: "graphile-worker" })),
  });
  try {
    if (!workerId) throw new Error("graphile-worker started without creating a worker pool");
    await firstHeartbeat;
  } catch (error) {
    await runner.stop();
    await pgPool.end();
    throw error;
  }
  const id = workerId;

  const utils = await makeWorkerUtils({ pgPool });
  const beat = async () => {
    try {
      await recordHeartbeat(db, id);
      const unlocked = await sweepStaleWorkers(db, utils, staleAfterMs);
      if (unlocked.length > 0) log.warn({ workers: unlocked }, "unlocked the jobs of workers that went silent");
    } catch (error) {
      log.warn({ err: error }, "heartbeat or sweep failed; trying again at the next beat");
    }
  };
  const timer = setInterval(() => void beat(), heartbeatIntervalMs);
  timer.unref();
  log.info({ workerId: id }, "worker started");

  return {
    workerId: id,
    async stop() {
      // Keep beating while running jobs finish, so no sweeper takes them from a live worker.
      await runner.stop();
      clearInterval(timer);
      await recordStopped(db, id).catch((error) => log.warn({ err: error }, "could not record the worker's stop"));
      await utils.release();
      await pgPool.end();
      log.info({ workerId: id }, "worker stopped");
    },
  };
}

/** Checks the payload at run time (a job queued by an older release may not match) and scopes logs. */
function checked<K extends TaskName>(name: K, handler: Task<K>, log: JobLog): Task<K> {
  return async (payload, helpers) => {
    const parsed = taskPayloads[name].safeParse(payload);
    if (!parsed.success) throw new Error(`Payload does not match task ${name}: ${z.prettifyError(parsed.error)}`);
    const logger = graphileLogger(jobLog(log, helpers.job));
    return handler(parsed.data as Parameters<Task<K>>[0], { ...helpers, logger });
  };
}

function jobLog(log: JobLog, job: Job): JobLog {
  const payload = job.payload as { requestId?: unknown } | null;
  return log.child({
    jobId: job.id,
    task: job.task_identifier,
    attempt: job.attempts,
    maxAttempts: job.max_attempts,
    requestId: typeof payload?.requestId === "string" ? payload.requestId : undefined,
  });
}

function observe(events: WorkerEvents, log: JobLog, onJobFinished: WorkerOptions["onJobFinished"]) {
  events.on("job:start", ({ job }) => jobLog(log, job).debug("job started"));
  events.on("job:success", ({ job }) => {
    jobLog(log, job).info("job succeeded");
    onJobFinished?.(job.task_identifier, "succeeded");
  });
  events.on("job:error", ({ job, error }) => {
    const permanently = job.attempts >= job.max_attempts;
    const jl = jobLog(log, job);
    if (permanently) jl.error({ err: error }, "job permanently failed: it will not be retried");
    else jl.warn({ err: error }, "job failed; it will be retried");
    onJobFinished?.(job.task_identifier, permanently ? "permanently_failed" : "failed");
  });
}

/**
 * graphile-worker's logger, writing through ours with its scope (worker, task, job) as fields. Its
 * lines about a job carry the whole job, payload included, deeper than log redaction paths reach:
 * the secret fields are masked here, by the same rule as everywhere.
 */
function graphileLogger(log: JobLog): GraphileLogger {
  return new GraphileLogger((scope) => {
    const scoped = Object.keys(scope).length > 0 ? log.child({ ...scope }) : log;
    return (level, message, meta) => {
      const fields = (redactSecrets(meta) ?? {}) as object;
      const name = String(level);
      if (name === "error") scoped.error(fields, message);
      else if (name === "warning") scoped.warn(fields, message);
      else if (name === "info") scoped.info(fields, message);
      else scoped.debug(fields, message);
    };
  });
}
