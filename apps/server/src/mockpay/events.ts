/**
 * The simulated provider's webhook events. A gateway payment or refund ends in exactly one outcome,
 * so its event needs no table of its own: the event id names the payment or refund, and the event
 * is rebuilt from its row whenever a delivery (or a retry of it) runs.
 */
import type { Db } from "@shopwright/db";
import { simulatedGatewayTables } from "@shopwright/db/tables/simulated-gateway";
import { eq } from "drizzle-orm";
import { decideRefund, REFUND_EVENT_PREFIX, refundIdOfEvent } from "./refunds.ts";

const PAYMENT_PREFIX = "gwp_";
const EVENT_PREFIX = "evt_";

export const eventIdFor = (gatewayPaymentId: string) => EVENT_PREFIX + gatewayPaymentId.slice(PAYMENT_PREFIX.length);

export type GatewayEvent =
  | {
      id: string;
      type: "payment.succeeded" | "payment.failed";
      created: number;
      data: { paymentId: string; orderId: string; amountCents: number };
    }
  | {
      id: string;
      type: "refund.succeeded" | "refund.failed";
      created: number;
      data: { refundId: string; paymentId: string; orderId: string; amountCents: number; failureReason?: string };
    };

/** The event with this id, or null when there is none (unknown id, or no outcome yet). */
export async function gatewayEvent(db: Db, eventId: string): Promise<GatewayEvent | null> {
  if (eventId.startsWith(REFUND_EVENT_PREFIX)) return refundEvent(db, eventId);
  if (!eventId.startsWith(EVENT_PREFIX)) return null;
  const { gatewayPayments } = simulatedGatewayTables(db);
  const [payment] = await db.orm
    .select()
    .from(gatewayPayments)
    .where(eq(gatewayPayments.id, PAYMENT_PREFIX + eventId.slice(EVENT_PREFIX.length)));
  // A voided payment was closed by the shop itself: there is nothing to tell it.
  if (!payment || payment.status === "requires_action" || payment.status === "voided") return null;
  return {
    id: eventId,
    type: payment.status === "succeeded" ? "payment.succeeded" : "payment.failed",
    created: Math.floor(payment.updatedAt.getTime() / 1000),
    data: { paymentId: payment.merchantReference, orderId: payment.orderId, amountCents: payment.amountCents },
  };
}

/** A refund's event: a pending refund is decided by its first delivery, which is when it "settles". */
async function refundEvent(db: Db, eventId: string): Promise<GatewayEvent | null> {
  const refund = await decideRefund(db, refundIdOfEvent(eventId));
  if (!refund || refund.status === "pending") return null;
  return {
    id: eventId,
    type: refund.status === "succeeded" ? "refund.succeeded" : "refund.failed",
    created: Math.floor(refund.updatedAt.getTime() / 1000),
    data: {
      refundId: refund.merchantReference,
      paymentId: refund.paymentReference,
      orderId: refund.orderId,
      amountCents: refund.amountCents,
      ...(refund.failureReason ? { failureReason: refund.failureReason } : {}),
    },
  };
}
