/**
 * The order-confirmation job as the at-least-once experiment runs it: orders listed in `naive` are
 * handled the wrong way, every other order by the shop's own handler. `afterSend` runs once the
 * email is out and before the job is acknowledged: the crashing worker dies there.
 */
import { createTaskHandlers, type Mailer, type TaskHandlers } from "@shopwright/api/server";
import { createTestContext } from "@shopwright/api/testing";
import type { Db } from "@shopwright/db";
import { shopConfig } from "./shop.ts";

/** What the crashing worker prints once an email is out. */
export const SENT_MARK = "email-sent";

export type ConfirmationTask = NonNullable<TaskHandlers["send_order_confirmation"]>;

export function confirmationHandler(options: {
  db: Db;
  mailer: Mailer;
  naive: string[];
  afterSend: (orderId: string) => Promise<void>;
}): ConfirmationTask {
  const { db, mailer, naive, afterSend } = options;
  const { config } = createTestContext(db, { config: shopConfig });
  const shop = createTaskHandlers({ db, config, mailer }).send_order_confirmation!;
  return async (payload, helpers) => {
    if (naive.includes(payload.orderId)) {
      // THE WRONG WAY: just send. Nothing records that this order's email went out, so a job run
      // again after a crash sends it again.
      await mailer.send({
        to: `${payload.orderId}@example.com`,
        subject: `Order ${payload.orderId} confirmed`,
        text: "Thank you for your order.",
        html: "<p>Thank you for your order.</p>",
        messageId: `<${payload.orderId}.${Date.now()}@learn>`,
      });
    } else {
      await shop(payload, helpers);
    }
    await afterSend(payload.orderId);
  };
}
