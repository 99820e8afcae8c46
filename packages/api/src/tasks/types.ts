import type { Db } from "@shopwright/db";
import type { TaskName } from "@shopwright/jobs";
import type { Task } from "graphile-worker";
import type { ApiConfig } from "../config.ts";

/**
 * What every task handler may use; each domain builds its handlers from these. Logging is not
 * here: a handler logs through `helpers.logger`, which carries the job's id, task and request id.
 */
export interface TaskDeps {
  db: Db;
  config: ApiConfig;
}

/**
 * Handlers for some of the task list, keyed by task name; the worker merges every domain's. The
 * worker checks each payload against its schema first, so a handler receives it typed (a handler
 * written as a plain `Task`, taking `unknown`, fits too).
 */
export type TaskHandlers = { [K in TaskName]?: Task<K> };
