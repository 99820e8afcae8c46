/**
 * The gateway's webhook, received: verify the signature over the raw bytes, record the event id
 * (a replay finds it and changes nothing), check the amount, and settle the payment and order, or
 * the refund.
 */

import { type Db, text } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { enqueue } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { newLinkSeed } from "../auth/link-token.ts";
import type { ApiConfig } from "../config.ts";
import { badRequest } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { lockOrder } from "../orders/lock.ts";
import { findAttempt, flagRefundNeeded, recordAttemptOutcome } from "../orders/payment-attempts.ts";
import { transitionOrder } from "../orders/transitions.ts";
import { findRefund, settleRefund } from "./refund-settlement.ts";
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

const refundEvent = z.object({
  id: text().min(1).max(200),
  type: z.enum(["refund.succeeded", "refund.failed"]),
  created: z.number().int(),
  data: z.object({
    refundId: text().min(1).max(200),
    paymentId: text().min(1).max(200),
    orderId: text().min(1).max(200),
    amountCents: z.number().int(),
    /** Why the provider refused a refund, when it says. */
    failureReason: text().max(500).optional(),
  }),
});

const providerEvent = z.discriminatedUnion("type", [paymentEvent, refundEvent]);

export type PaymentEvent = z.infer<typeof paymentEvent>;
export type RefundEvent = z.infer<typeof refundEvent>;

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
  const parsed = providerEvent.safeParse(json);
  if (!parsed.success) throw badRequest("The body is not a payment or refund event", { issues: parsed.error.issues });
  const event = parsed.data;
  const outcome = await deps.db.transaction((tx) =>
    event.type.startsWith("refund.")
      ? applyRefundEvent(tx, event as RefundEvent, requestId)
      : applyPaymentEvent(tx, event as PaymentEvent, requestId),
  );
  if (outcome === "amount_mismatch") {
    deps.log.warn({ eventId: event.id, paymentId: event.data.paymentId }, "provider event does not match our records");
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
  const payment = await findAttempt(tx, event.data.paymentId);
  if (!payment) throw badRequest("Unknown payment");
  return once(tx, event, payment.id, () => settle(tx, payment, event, requestId));
}

/**
 * A refund's outcome. The refund must be one the shop asked for, of this payment, order and amount;
 * anything else is recorded and changes nothing, as a payment event that does not match.
 */
async function applyRefundEvent(tx: Db, event: RefundEvent, requestId?: string): Promise<WebhookOutcome> {
  const refund = await findRefund(tx, event.data.refundId);
  if (!refund) throw badRequest("Unknown refund");
  return once(tx, event, refund.paymentId, async () => {
    const { paymentId, orderId, amountCents, failureReason } = event.data;
    if (paymentId !== refund.paymentId || orderId !== refund.orderId || amountCents !== refund.amountCents) {
      return "amount_mismatch";
    }
    const outcome =
      event.type === "refund.succeeded"
        ? ({ status: "succeeded" } as const)
        : ({ status: "failed", reason: failureReason ?? "The payment provider declined the refund" } as const);
    return (await settleRefund(tx, refund, outcome, requestId)) ? "applied" : "ignored";
  });
}

/**
 * The event id is claimed first: a concurrent delivery of the same event waits here, then leaves
 * as a duplicate; the outcome is recorded beside it.
 */
async function once(
  tx: Db,
  event: { id: string; type: string },
  paymentId: string,
  apply: () => Promise<WebhookOutcome>,
): Promise<WebhookOutcome> {
  const { paymentEvents } = paymentsTables(tx);
  const [claimed] = await tx.orm
    .insert(paymentEvents)
    .values({ id: event.id, paymentId, type: event.type, outcome: "received" })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  if (!claimed) return "duplicate";
  const outcome = await apply();
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
  // The seed derives the order link a guest's confirmation carries; the job never holds the token.
  await enqueue(
    tx,
    "send_order_confirmation",
    { orderId, seed: newLinkSeed(), requestId },
    { jobKey: `order-confirmation:${orderId}` },
  );
  return "applied";
}
