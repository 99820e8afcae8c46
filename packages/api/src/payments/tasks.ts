import { taskPayloads } from "@shopwright/jobs";
import type { TaskDeps, TaskHandlers } from "../tasks/types.ts";
import { expireUnpaidOrder } from "./expiry.ts";

/** The payments domain's jobs: cancelling orders left unpaid past their deadline. */
export function paymentTasks({ db, log }: TaskDeps): TaskHandlers {
  return {
    async expire_unpaid_order(payload) {
      const { orderId } = taskPayloads.expire_unpaid_order.parse(payload);
      const cancelled = await expireUnpaidOrder(db, orderId);
      log.info({ orderId, cancelled }, cancelled ? "unpaid order cancelled" : "order was not due for expiry");
    },
  };
}
