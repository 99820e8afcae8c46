import type { Db } from "@shopwright/db";
import type { TaskName } from "@shopwright/jobs";
import type { Task } from "graphile-worker";
import type { ApiConfig } from "../config.ts";
import type { Logger } from "../logger.ts";

/** What every task handler may use; each domain builds its handlers from these. */
export interface TaskDeps {
  db: Db;
  config: ApiConfig;
  log: Logger;
}

/** Handlers for some of the task list, keyed by task name; the worker merges every domain's. */
export type TaskHandlers = Partial<Record<TaskName, Task>>;
