/** The shopper's email for a refund that went through: one per refund, sent once (send-once.ts). */
import type { ApiConfig } from "../config.ts";
import { formatCents } from "../lib/money.ts";
import { loadOrder } from "../orders/queries.ts";
import { refundForEmail } from "../payments/refund-queries.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { orderLetter } from "./order-status.ts";
import { orderLabel, type RenderedEmail } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export function renderRefund(
  order: { id: string; number: number; customerName: string; placedAsGuest: boolean },
  refund: { amountCents: number; reason: string },
  publicUrl: string,
): RenderedEmail {
  const number = orderLabel(order.number);
  const amount = formatCents(refund.amountCents);
  return orderLetter(
    order,
    `We refunded ${amount} for your order ${number}`,
    [
      `We have refunded ${amount} for your order ${number} to the card you paid with.`,
      `Reason: ${refund.reason}`,
      "Your bank may take a few days to show it.",
    ],
    publicUrl,
  );
}

/** Only a refund that succeeded is told; the job is enqueued when it succeeds, so this always holds. */
export async function sendRefundEmail(
  deps: DeliveryDeps & { config: ApiConfig },
  refundId: string,
): Promise<DeliveryResult | { status: "not_refunded" }> {
  const refund = await refundForEmail(deps.db, refundId);
  if (refund?.status !== "succeeded") return { status: "not_refunded" };
  const { order } = await loadOrder(deps.db, refund.orderId);
  const email = renderRefund(order, refund, deps.config.publicUrl);
  return sendOnce(deps, { kind: "order_refund", ref: refundId, to: order.email, email });
}
