import type { Db } from "@shopwright/db";
import type { ApiConfig } from "./config.ts";

/**
 * What every task handler may use; each domain builds its handlers (`TaskHandlers`, from
 * @shopwright/jobs) from these, and tasks/index.ts composes them. Logging is not here: a handler
 * logs through `helpers.logger`, which carries the job's id, task and request id.
 */
export interface TaskDeps {
  db: Db;
  config: ApiConfig;
}
