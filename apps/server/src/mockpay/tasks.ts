import { SIGNATURE_HEADER, signWebhook, type TaskDeps, type TaskHandlers } from "@shopwright/api/server";
import { taskPayloads } from "@shopwright/jobs";
import { gatewayEvent } from "./events.ts";

/**
 * Mockpay's webhook delivery. Every attempt signs afresh (the timestamp must be recent); anything
 * but a 2xx throws, so graphile-worker retries with its exponential backoff until the shop answers.
 */
export function mockpayTasks({ db, config, log }: TaskDeps): TaskHandlers {
  return {
    async deliver_payment_webhook(payload) {
      const { eventId } = taskPayloads.deliver_payment_webhook.parse(payload);
      const event = await gatewayEvent(db, eventId);
      if (!event) {
        log.warn({ eventId }, "no such gateway event; nothing to deliver");
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
      log.info({ eventId, type: event.type }, "payment webhook delivered");
    },
  };
}
