import { SIGNATURE_HEADER, signWebhook, type TaskDeps, type TaskHandlers } from "@shopwright/api/server";
import { gatewayEvent } from "./events.ts";

/**
 * Mockpay's webhook delivery. Every attempt signs afresh (the timestamp must be recent); anything
 * but a 2xx throws, so graphile-worker retries with its exponential backoff until the shop answers.
 */
export function mockpayTasks({ db, config }: TaskDeps): TaskHandlers {
  return {
    async deliver_payment_webhook({ eventId }, helpers) {
      const event = await gatewayEvent(db, eventId);
      if (!event) {
        helpers.logger.warn("no such gateway event; nothing to deliver", { eventId });
        return;
      }
      const body = JSON.stringify(event);
      const response = await fetch(`${config.publicUrl}/webhooks/payments`, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(config.webhookSecret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`Webhook ${eventId} was refused with ${response.status}`);
      helpers.logger.info("payment webhook delivered", { eventId, type: event.type });
    },
  };
}
