import type { Db, QueuedJob } from "@shopwright/db";
import { type TaskName, type TaskPayload, taskMaxAttempts, taskPayloads } from "./tasks.ts";

export interface EnqueueOptions {
  /** At most one pending job per key: enqueueing again replaces the pending one. */
  jobKey?: string;
  runAt?: Date;
  /** Defaults to the task's `taskMaxAttempts`. */
  maxAttempts?: number;
}

/**
 * Adds a job through the `Db`'s queue, inside the caller's transaction when there is one, so a
 * rolled-back transaction enqueues nothing. The payload is checked against the task list first.
 */
export async function enqueue<T extends TaskName>(
  db: Db,
  task: T,
  payload: TaskPayload<T>,
  options: EnqueueOptions = {},
): Promise<void> {
  await db.jobs.add({
    task,
    payload: taskPayloads[task].parse(payload),
    jobKey: options.jobKey ?? null,
    runAt: options.runAt ?? null,
    maxAttempts: options.maxAttempts ?? taskMaxAttempts[task],
  });
}

/** The jobs waiting to run, oldest first: what tests assert a service enqueued. */
export function queuedJobs(db: Db, task?: TaskName): Promise<QueuedJob[]> {
  return db.jobs.pending(task);
}
