import type { TaskHandlers } from "@shopwright/jobs";
import type { JobHelpers } from "graphile-worker";
import type { TaskDeps } from "../task-deps.ts";
import { sendEmailChangeNotice, sendEmailVerificationEmail } from "./email-verification-email.ts";
import type { Mailer } from "./mailer.ts";
import { sendOrderConfirmation } from "./order-confirmation-delivery.ts";
import { sendOrderLinkEmail } from "./order-link-email.ts";
import { sendOrderStatusEmail, sendOrderTrackingEmail } from "./order-status.ts";
import { sendPasswordResetEmail } from "./password-reset-email.ts";
import { sendRefundEmail } from "./refund-email.ts";
import type { DeliveryResult } from "./send-once.ts";

function logged(helpers: JobHelpers, what: string, result: DeliveryResult) {
  if (result.status === "already_sent") {
    helpers.logger.info(`${what}: already accepted by the SMTP server; not sending again`, {});
  } else {
    helpers.logger.info(`${what}: accepted`, { providerMessageId: result.providerMessageId });
  }
}

export function notificationTasks(deps: TaskDeps & { mailer: Mailer }): TaskHandlers {
  return {
    async send_order_confirmation(payload, helpers) {
      logged(helpers, `order ${payload.orderId}: confirmation`, await sendOrderConfirmation(deps, payload));
    },
    async send_order_status_email({ orderId, status }, helpers) {
      logged(helpers, `order ${orderId}: ${status} email`, await sendOrderStatusEmail(deps, orderId, status));
    },
    async send_order_tracking_email({ orderId, trackingNumber }, helpers) {
      const result = await sendOrderTrackingEmail(deps, orderId, trackingNumber);
      if (result.status === "superseded")
        helpers.logger.info(`order ${orderId}: tracking corrected again; not sent`, {});
      else logged(helpers, `order ${orderId}: tracking email`, result);
    },
    async send_refund_email({ refundId }, helpers) {
      const result = await sendRefundEmail(deps, refundId);
      if (result.status === "not_refunded") helpers.logger.warn(`refund ${refundId}: not succeeded; not sent`, {});
      else logged(helpers, `refund ${refundId}: email`, result);
    },
    async send_password_reset(payload, helpers) {
      // Logged without the address, and alike whether an account has it.
      logged(helpers, "password reset email", await sendPasswordResetEmail(deps, payload));
    },
    async send_email_verification(payload, helpers) {
      const result = await sendEmailVerificationEmail(deps, payload);
      if (result.status === "no_longer_needed") {
        helpers.logger.info("email verification: link used, expired or superseded; nothing sent", {});
      } else logged(helpers, "email verification", result);
    },
    async send_order_link(payload, helpers) {
      await sendOrderLinkEmail(deps, payload);
      // Logged alike whether or not an order matched, and without the address or the number.
      helpers.logger.info("order link request: handled", {});
    },
    async send_email_change_notice(payload, helpers) {
      logged(helpers, "email change notice", await sendEmailChangeNotice(deps, payload));
    },
  };
}
