import type { TaskDeps, TaskHandlers } from "../tasks/types.ts";
import { expireUnpaidOrder } from "./expiry.ts";

/** The payments domain's jobs: cancelling orders left unpaid past their deadline. */
export function paymentTasks({ db }: TaskDeps): TaskHandlers {
  return {
    async expire_unpaid_order({ orderId }, helpers) {
      const cancelled = await expireUnpaidOrder(db, orderId);
      helpers.logger.info(cancelled ? "unpaid order cancelled" : "order was not due for expiry", {
        orderId,
        cancelled,
      });
    },
  };
}
