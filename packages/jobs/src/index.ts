export type { EnqueueOptions } from "./enqueue.ts";
export { enqueue, queuedJobs } from "./enqueue.ts";
export type { JobState, JobSummary, RetryResult } from "./job-admin.ts";
export { listJobs, retryJob } from "./job-admin.ts";
export { isSecretField, LOG_REDACT_PATHS, REDACTED, redactSecrets, SECRET_FIELDS } from "./redaction.ts";
export type { TaskHandlers, TaskName, TaskPayload } from "./tasks.ts";
export { taskMaxAttempts, taskPayloads } from "./tasks.ts";
export type { JobLog, JobOutcome, JobWorker, TaskHandlerMap, WorkerOptions } from "./worker.ts";
export { startWorker } from "./worker.ts";
