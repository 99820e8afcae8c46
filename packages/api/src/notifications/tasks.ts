import type { TaskDeps, TaskHandlers } from "../tasks/types.ts";
import type { Mailer } from "./mailer.ts";
import { sendOrderConfirmation } from "./order-confirmation-delivery.ts";

export function notificationTasks(deps: TaskDeps & { mailer: Mailer }): TaskHandlers {
  return {
    async send_order_confirmation({ orderId }, helpers) {
      const result = await sendOrderConfirmation(deps, orderId);
      if (result.status === "already_sent") {
        helpers.logger.info(
          `order ${orderId}: confirmation already accepted by the SMTP server; not sending again`,
          {},
        );
      } else {
        helpers.logger.info(`order ${orderId}: confirmation accepted`, {
          providerMessageId: result.providerMessageId,
        });
      }
    },
  };
}
