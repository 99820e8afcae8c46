/**
 * Mockpay's refunds of captured payments. Asked for, a refund is `pending`; it is decided when its
 * webhook is first delivered: it fails when the payment has less left than asked, or when a tester
 * asked for a failure by putting FAIL_KEYWORD in the refund's reason; otherwise it succeeds.
 */
import { type Db, newId } from "@shopwright/db";
import { simulatedGatewayTables } from "@shopwright/db/tables/simulated-gateway";
import { enqueue } from "@shopwright/jobs";
import { and, eq, ne, sum } from "drizzle-orm";

const REFUND_PREFIX = "gwr_";
export const REFUND_EVENT_PREFIX = "evr_";
const refundEventIdFor = (gatewayRefundId: string) => REFUND_EVENT_PREFIX + gatewayRefundId.slice(REFUND_PREFIX.length);
export const refundIdOfEvent = (eventId: string) => REFUND_PREFIX + eventId.slice(REFUND_EVENT_PREFIX.length);

/** A refund whose reason contains this fails at the provider, so testers can see a failed refund. */
export const FAIL_KEYWORD = "mockpay-fail";

export type RefundAsked = { ok: true; status: string } | { ok: false; code: 404 | 409; message: string };

/**
 * Records the refund and enqueues its webhook in one transaction; idempotent on the merchant's
 * reference (the same reference with other details is refused).
 */
export async function askRefund(
  db: Db,
  input: { paymentReference: string; reference: string; amountCents: number; reason: string; requestId?: string },
): Promise<RefundAsked> {
  const { gatewayPayments, gatewayRefunds } = simulatedGatewayTables(db);
  return db.transaction(async (tx) => {
    const [payment] = await tx.orm
      .select({ id: gatewayPayments.id, status: gatewayPayments.status })
      .from(gatewayPayments)
      .where(eq(gatewayPayments.merchantReference, input.paymentReference));
    if (!payment) return { ok: false, code: 404, message: "No such payment" } as const;
    if (payment.status !== "succeeded") {
      return { ok: false, code: 409, message: "Only a captured payment can be refunded" } as const;
    }
    const id = newId("gwr");
    const [created] = await tx.orm
      .insert(gatewayRefunds)
      .values({
        id,
        merchantReference: input.reference,
        paymentId: payment.id,
        amountCents: input.amountCents,
        reason: input.reason,
        status: "pending",
      })
      .onConflictDoNothing({ target: gatewayRefunds.merchantReference })
      .returning({ id: gatewayRefunds.id });
    if (created) {
      const eventId = refundEventIdFor(id);
      await enqueue(
        tx,
        "deliver_payment_webhook",
        { eventId, requestId: input.requestId },
        { jobKey: `mockpay-webhook:${eventId}` },
      );
      return { ok: true, status: "pending" } as const;
    }
    const [existing] = await tx.orm
      .select()
      .from(gatewayRefunds)
      .where(eq(gatewayRefunds.merchantReference, input.reference));
    if (!existing || existing.paymentId !== payment.id || existing.amountCents !== input.amountCents) {
      return { ok: false, code: 409, message: "This reference was registered with different details" } as const;
    }
    return { ok: true, status: existing.status } as const;
  });
}

/** Decides a pending refund (once: the update is conditional) and answers it with its payment's references. */
export async function decideRefund(db: Db, refundId: string) {
  const { gatewayPayments, gatewayRefunds } = simulatedGatewayTables(db);
  return db.transaction(async (tx) => {
    const [row] = await tx.orm
      .select({ refund: gatewayRefunds, payment: gatewayPayments })
      .from(gatewayRefunds)
      .innerJoin(gatewayPayments, eq(gatewayPayments.id, gatewayRefunds.paymentId))
      .where(eq(gatewayRefunds.id, refundId));
    if (!row) return null;
    let { refund } = row;
    if (refund.status === "pending") {
      // The payment's row lock orders two refunds of it deciding at once.
      await tx.orm
        .update(gatewayPayments)
        .set({ updatedAt: row.payment.updatedAt })
        .where(eq(gatewayPayments.id, row.payment.id));
      const [refunded] = await tx.orm
        .select({ cents: sum(gatewayRefunds.amountCents).mapWith(Number) })
        .from(gatewayRefunds)
        .where(
          and(
            eq(gatewayRefunds.paymentId, row.payment.id),
            eq(gatewayRefunds.status, "succeeded"),
            ne(gatewayRefunds.id, refundId),
          ),
        );
      const left = row.payment.amountCents - (refunded?.cents ?? 0);
      const failureReason = refund.reason.includes(FAIL_KEYWORD)
        ? "The card issuer declined the refund (simulated)"
        : refund.amountCents > left
          ? "The refund is more than is left of the payment"
          : null;
      const [decided] = await tx.orm
        .update(gatewayRefunds)
        .set({ status: failureReason ? "failed" : "succeeded", failureReason, updatedAt: new Date() })
        .where(and(eq(gatewayRefunds.id, refundId), eq(gatewayRefunds.status, "pending")))
        .returning();
      if (decided) refund = decided;
    }
    return { ...refund, paymentReference: row.payment.merchantReference, orderId: row.payment.orderId };
  });
}
