/**
 * Every domain's task handlers, composed for the worker. A domain adds its handlers with one line
 * here; two domains handling the same task is a mistake caught at start. Handlers that live outside
 * the API (the simulated gateway is part of the server) come in through `more`.
 */

import type { TaskHandlers } from "@shopwright/jobs";
import { cartTasks } from "../cart/tasks.ts";
import { catalogTasks } from "../catalog/tasks.ts";
import type { Mailer } from "../notifications/mailer.ts";
import { notificationTasks } from "../notifications/tasks.ts";
import { paymentTasks } from "../payments/tasks.ts";
import type { TaskDeps } from "../task-deps.ts";
import { maintenanceTasks } from "./maintenance.ts";

export function createTaskHandlers(deps: TaskDeps & { mailer: Mailer }, more: TaskHandlers[] = []): TaskHandlers {
  return merge([
    catalogTasks(deps),
    notificationTasks(deps),
    cartTasks(deps),
    paymentTasks(deps),
    maintenanceTasks(deps),
    ...more,
  ]);
}

function merge(sets: TaskHandlers[]): TaskHandlers {
  const all: TaskHandlers = {};
  for (const set of sets) {
    for (const [name, handler] of Object.entries(set) as [keyof TaskHandlers, TaskHandlers[keyof TaskHandlers]][]) {
      if (all[name]) throw new Error(`Two domains handle the task ${name}`);
      Object.assign(all, { [name]: handler });
    }
  }
  return all;
}
