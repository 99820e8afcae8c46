/**
 * The job worker as the server runs it: every domain's task handlers, an SMTP mailer, logs through
 * the server's logger and outcomes into the `jobs_total` metric. main.ts runs it inline
 * (WORKER=inline); worker-main.ts runs it alone (`pnpm worker`).
 */
import { type ApiConfig, createSmtpMailer, createTaskHandlers } from "@shopwright/api/server";
import type { PostgresDb } from "@shopwright/db";
import { startWorker } from "@shopwright/jobs";
import type { AppLogger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";
import { mockpayTasks } from "./mockpay/tasks.ts";

export interface JobWorkerOptions {
  db: PostgresDb;
  databaseUrl: string;
  config: ApiConfig;
  logger: AppLogger;
  metrics?: Metrics;
  smtpUrl: string;
  concurrency?: number;
  heartbeatIntervalMs?: number;
  staleAfterMs?: number;
  smtpTimeoutMs?: number;
}

/**
 * WORKER_STALE_AFTER_SECONDS as the worker's timings: a heartbeat twelve times per stale interval
 * (5 s for the default 60 s), so a late beat or two is never taken for a dead worker.
 */
export const workerTimings = (staleAfterSeconds: number) => ({
  staleAfterMs: staleAfterSeconds * 1000,
  heartbeatIntervalMs: Math.round((staleAfterSeconds * 1000) / 12),
});

export async function startJobWorker(options: JobWorkerOptions): Promise<{ workerId: string; stop(): Promise<void> }> {
  const { db, config, logger, metrics } = options;
  const log = logger.child({ component: "worker" });
  const mailer = createSmtpMailer(options.smtpUrl, { timeoutMs: options.smtpTimeoutMs });
  const worker = await startWorker({
    db,
    databaseUrl: options.databaseUrl,
    tasks: createTaskHandlers({ db, config, mailer }, [mockpayTasks({ db, config })]),
    log,
    concurrency: options.concurrency,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    staleAfterMs: options.staleAfterMs,
    onJobFinished: (task, outcome) => metrics?.jobs.inc({ task, outcome }),
  });
  return {
    workerId: worker.workerId,
    async stop() {
      await worker.stop();
      mailer.close();
    },
  };
}
