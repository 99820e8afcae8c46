/**
 * An admin's refund, asked for: validated against what the order paid and what refunds already
 * hold, claimed, recorded `pending`, and handed to the provider by the `request_refund` job (network
 * I/O never holds a transaction open). The provider's webhook settles it (refund-settlement.ts).
 *
 * Concurrency: everything runs under the order's row lock, so two admins (or a double click) are
 * decided one after the other, the second seeing what the first claimed. The same idempotency key
 * finds the first refund and answers it; the claims' conditional updates and CHECK constraints
 * refuse any excess even without the lock.
 */
import { createHash } from "node:crypto";
import { type Db, newId, type RefundStatus } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { enqueue } from "@shopwright/jobs";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import { formatCents, sumCents } from "../lib/money.ts";
import { lockOrder } from "../orders/lock.ts";
import {
  type CapturedAttempt,
  capturedAttempts,
  claimRefund,
  orderAmounts,
  type RefundableLine,
  refundableLines,
} from "../orders/refund-claims.ts";
import { lineRefundCents, shippingPaidCents } from "./refund-amounts.ts";
import { shippingClaimedCents } from "./refund-queries.ts";

export interface RefundRequest {
  orderId: string;
  idempotencyKey: string;
  lines?: readonly { itemId: string; quantity: number; restock: boolean }[];
  shippingCents?: number;
  /** A custom amount on top of lines and shipping (a goodwill gesture, a price adjustment). */
  amountCents?: number;
  reason: string;
  actorId: string;
  requestId?: string;
}

export interface RefundResult {
  id: string;
  status: RefundStatus;
  amountCents: number;
}

export async function requestRefund(db: Db, input: RefundRequest): Promise<RefundResult> {
  return db.transaction(async (tx) => {
    const locked = await lockOrder(tx, input.orderId);
    if (!locked) throw notFound("Order");
    const { refunds } = paymentsTables(tx);
    const hash = requestHash(input);
    const [earlier] = await tx.orm
      .select({ id: refunds.id, status: refunds.status, amountCents: refunds.amountCents, hash: refunds.requestHash })
      .from(refunds)
      .where(and(eq(refunds.orderId, input.orderId), eq(refunds.idempotencyKey, input.idempotencyKey)));
    if (earlier) {
      if (earlier.hash !== hash) throw conflict("This idempotency key was already used for a different refund");
      return { id: earlier.id, status: earlier.status, amountCents: earlier.amountCents };
    }
    const plan = await planRefund(tx, input, locked.status);
    const id = newId("rfd");
    await tx.orm.insert(refunds).values({
      id,
      orderId: input.orderId,
      paymentId: plan.payment.id,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      amountCents: plan.amountCents,
      shippingCents: input.shippingCents ?? 0,
      status: "pending",
      reason: input.reason,
      actor: `admin:${input.actorId}`,
    });
    if (plan.lines.length > 0)
      await tx.orm.insert(paymentsTables(tx).refundLines).values(plan.lines.map((l) => ({ refundId: id, ...l })));
    const claimed = await claimRefund(tx, {
      paymentId: plan.payment.id,
      cents: plan.amountCents,
      lines: plan.lines.map((l) => ({ itemId: l.orderItemId, quantity: l.quantity })),
    });
    // planRefund read these under the lock; a refusal here means the lock was not held.
    if (!claimed) throw conflict("Another refund of this order changed what is left; reload it and try again");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "order.refund_requested",
      entityType: "order",
      entityId: input.orderId,
      details: { refundId: id, amountCents: plan.amountCents, reason: input.reason },
    });
    await enqueue(
      tx,
      "request_refund",
      { refundId: id, requestId: input.requestId },
      { jobKey: `refund-request:${id}` },
    );
    return { id, status: "pending" as const, amountCents: plan.amountCents };
  });
}

/** What makes two requests "the same refund": lines, shipping, amount and reason. */
function requestHash(input: RefundRequest): string {
  const canonical = {
    lines: (input.lines ?? []).map((l) => `${l.itemId}:${l.quantity}:${l.restock ? 1 : 0}`).sort(),
    shippingCents: input.shippingCents ?? 0,
    amountCents: input.amountCents ?? 0,
    reason: input.reason,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/**
 * Checks the request against the order and prices it; every refusal is a sentence an admin can act
 * on, thrown before anything is written.
 */
async function planRefund(tx: Db, input: RefundRequest, orderStatus: string) {
  const order = await orderAmounts(tx, input.orderId);
  if (!order) throw notFound("Order");
  const payment = payableBack(await capturedAttempts(tx, input.orderId));
  const requested = input.lines ?? [];
  const lines = await refundableLines(tx, input.orderId);
  const priced = requested.map((asked) => priceLine(asked, lines, orderStatus));
  const shippingCents = input.shippingCents ?? 0;
  if (shippingCents > 0) {
    const left = shippingPaidCents(order) - (await shippingClaimedCents(tx, input.orderId));
    if (shippingCents > left) {
      throw badRequest(
        left === 0
          ? "There is no shipping left to refund on this order"
          : `Only ${formatCents(left)} of shipping can still be refunded`,
        { field: "shippingCents" },
      );
    }
  }
  const amountCents = sumCents(priced.map((l) => l.amountCents)) + shippingCents + (input.amountCents ?? 0);
  if (amountCents <= 0) throw badRequest("Choose lines, shipping or an amount to refund: this refund is $0.00");
  const left = payment.amountCents - payment.refundClaimedCents;
  if (amountCents > left) {
    throw badRequest(
      `This refund of ${formatCents(amountCents)} is more than the ${formatCents(left)} left to refund`,
      {
        field: "amountCents",
      },
    );
  }
  return { payment, amountCents, lines: priced };
}

/**
 * The captured payment a refund draws on: one flagged as money the order could not use comes
 * first (the "needs refund" case), then the order's own; only one with something left.
 */
function payableBack(attempts: CapturedAttempt[]): CapturedAttempt {
  if (attempts.length === 0) throw conflict("This order has not been paid, so there is nothing to refund");
  const open = attempts.filter((a) => a.refundClaimedCents < a.amountCents);
  const payment = open.find((a) => a.refundNeededAt !== null) ?? open[0];
  if (!payment) {
    throw conflict(
      attempts.every((a) => a.status === "refunded")
        ? "This order has been refunded in full already"
        : "Refunds already under way take everything this order paid",
    );
  }
  return payment;
}

function priceLine(
  asked: { itemId: string; quantity: number; restock: boolean },
  lines: RefundableLine[],
  orderStatus: string,
) {
  const line = lines.find((l) => l.id === asked.itemId);
  if (!line) throw badRequest("That line is not on this order", { field: "lines", itemId: asked.itemId });
  if (asked.quantity > line.quantity) {
    throw badRequest(`${line.name}: ${asked.quantity} were asked, but the order has ${line.quantity}`, {
      field: "lines",
      itemId: asked.itemId,
    });
  }
  const left = line.quantity - line.refundClaimedQuantity;
  if (asked.quantity > left) {
    throw badRequest(
      left === 0
        ? `${line.name} has been refunded in full already`
        : `${line.name}: only ${left} of ${line.quantity} can still be refunded`,
      { field: "lines", itemId: asked.itemId },
    );
  }
  if (asked.restock && orderStatus === "cancelled") {
    throw badRequest(`${line.name}: cancelling the order already put its units back in stock`, {
      field: "lines",
      itemId: asked.itemId,
    });
  }
  return {
    orderItemId: line.id,
    quantity: asked.quantity,
    amountCents: lineRefundCents(line, line.refundClaimedQuantity, asked.quantity),
    restock: asked.restock,
  };
}
