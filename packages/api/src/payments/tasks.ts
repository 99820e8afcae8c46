import type { TaskHandlers } from "@shopwright/jobs";
import type { PaymentGateway } from "../orders/payment-gateway.ts";
import type { TaskDeps } from "../task-deps.ts";
import { expireUnpaidOrder } from "./expiry.ts";
import { gatewayApiKey, httpPaymentGateway } from "./gateway.ts";
import type { RefundGateway } from "./refund-gateway.ts";
import { sendRefundToProvider } from "./refund-request.ts";
import { voidOpenAttempts } from "./void.ts";

/**
 * The payments domain's jobs: cancelling orders left unpaid past their deadline, voiding the open
 * payments of cancelled orders at the gateway, and asking it for the refunds admins recorded (a
 * failed call throws, so the job retries).
 */
export function paymentTasks({
  db,
  config,
  gateway,
}: TaskDeps & { gateway?: PaymentGateway & RefundGateway }): TaskHandlers {
  const provider =
    gateway ?? httpPaymentGateway({ baseUrl: config.gatewayUrl, apiKey: gatewayApiKey(config.webhookSecret) });
  return {
    async expire_unpaid_order({ orderId }, helpers) {
      const cancelled = await expireUnpaidOrder(db, orderId);
      helpers.logger.info(cancelled ? "unpaid order cancelled" : "order was not due for expiry", {
        orderId,
        cancelled,
      });
    },
    async void_order_payments({ orderId }, helpers) {
      const { voided, alreadyPaid } = await voidOpenAttempts({ db, gateway: provider }, orderId);
      helpers.logger.info("open payments of a cancelled order voided", { orderId, voided });
      if (alreadyPaid.length > 0) {
        helpers.logger.warn("approved before it could be voided; its webhook flags the refund", {
          orderId,
          paymentIds: alreadyPaid,
        });
      }
    },
    async request_refund({ refundId }, helpers) {
      const result = await sendRefundToProvider({ db, gateway: provider }, refundId);
      helpers.logger.info(`refund ${result}`, { refundId });
    },
  };
}
