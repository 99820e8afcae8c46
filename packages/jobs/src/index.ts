export type { EnqueueOptions, QueuedJob } from "./enqueue.ts";
export { enqueue, queuedJobs } from "./enqueue.ts";
export type { TaskName, TaskPayload } from "./tasks.ts";
export { taskPayloads } from "./tasks.ts";
