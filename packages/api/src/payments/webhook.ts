/**
 * The gateway's webhook, received: verify the signature over the raw bytes, record the event id
 * (a replay finds it and changes nothing), check the amount, and settle the payment and order.
 */
import { type Db, text } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { enqueue } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { ApiConfig } from "../config.ts";
import { badRequest } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { lockOrder } from "../orders/lock.ts";
import { findAttempt, flagRefundNeeded, recordAttemptOutcome } from "../orders/payment-attempts.ts";
import { transitionOrder } from "../orders/transitions.ts";
import { verifyWebhookSignature } from "./signature.ts";

const paymentEvent = z.object({
  id: text().min(1).max(200),
  type: z.enum(["payment.succeeded", "payment.failed"]),
  created: z.number().int(),
  data: z.object({
    paymentId: text().min(1).max(200),
    orderId: text().min(1).max(200),
    amountCents: z.number().int(),
  }),
});

export type PaymentEvent = z.infer<typeof paymentEvent>;

/** What became of an event; `duplicate` means it was processed before. */
export type WebhookOutcome = "applied" | "duplicate" | "ignored" | "amount_mismatch" | "refund_needed";

export interface ReceivedWebhook {
  rawBody: string;
  signature: string | undefined;
  /** The delivery's request id, carried into the jobs it enqueues for tracing. */
  requestId?: string;
  now?: Date;
}

export async function receivePaymentWebhook(
  deps: { db: Db; config: ApiConfig; log: Logger },
  { rawBody, signature, requestId, now = new Date() }: ReceivedWebhook,
): Promise<{ eventId: string; outcome: WebhookOutcome }> {
  const check = verifyWebhookSignature(deps.config.webhookSecret, rawBody, signature, now);
  if (!check.ok) throw badRequest(check.reason);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badRequest("The body is not JSON");
  }
  const parsed = paymentEvent.safeParse(json);
  if (!parsed.success) throw badRequest("The body is not a payment event", { issues: parsed.error.issues });
  const event = parsed.data;
  const outcome = await deps.db.transaction((tx) => applyPaymentEvent(tx, event, requestId));
  if (outcome === "amount_mismatch") {
    deps.log.warn({ eventId: event.id, paymentId: event.data.paymentId }, "payment event amount does not match");
  }
  if (outcome === "refund_needed") {
    deps.log.warn(
      { eventId: event.id, paymentId: event.data.paymentId },
      "payment taken for an order that cannot use it",
    );
  }
  return { eventId: event.id, outcome };
}

async function applyPaymentEvent(tx: Db, event: PaymentEvent, requestId?: string): Promise<WebhookOutcome> {
  const { paymentEvents } = paymentsTables(tx);
  const payment = await findAttempt(tx, event.data.paymentId);
  if (!payment) throw badRequest("Unknown payment");

  // The event id is claimed first: a concurrent delivery of the same event waits here, then leaves.
  const [claimed] = await tx.orm
    .insert(paymentEvents)
    .values({ id: event.id, paymentId: payment.id, type: event.type, outcome: "received" })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  if (!claimed) return "duplicate";

  const outcome = await settle(tx, payment, event, requestId);
  await tx.orm.update(paymentEvents).set({ outcome }).where(eq(paymentEvents.id, event.id));
  return outcome;
}

/**
 * A failure ends its attempt and leaves the order `placed`, so the shopper can try again until the
 * deadline. A success is money taken: it is always recorded, and moves the order only while the
 * order is still waiting for it; otherwise (cancelled meanwhile, or paid by another attempt) the
 * payment is flagged for a refund, for an admin to act on.
 */
async function settle(
  tx: Db,
  payment: { id: string; orderId: string; amountCents: number },
  event: PaymentEvent,
  requestId?: string,
): Promise<WebhookOutcome> {
  if (event.data.amountCents !== payment.amountCents || event.data.orderId !== payment.orderId) {
    return "amount_mismatch";
  }
  const orderId = payment.orderId;
  // The order is locked before the payment moves, so the order's status read here still holds
  // when the payment and the order change.
  const order = await lockOrder(tx, orderId);
  if (!order) throw badRequest("Unknown order");
  const now = new Date();
  if (event.type === "payment.failed") {
    return (await recordAttemptOutcome(tx, payment.id, "failed", now)) ? "applied" : "ignored";
  }
  if (!(await recordAttemptOutcome(tx, payment.id, "succeeded", now))) return "ignored";
  if (order.status !== "placed") {
    await flagRefundNeeded(tx, payment.id, now);
    return "refund_needed";
  }
  await transitionOrder(tx, { orderId, to: "processing", actor: "payments", note: `payment ${payment.id}` });
  await enqueue(tx, "send_order_confirmation", { orderId, requestId }, { jobKey: `order-confirmation:${orderId}` });
  return "applied";
}
