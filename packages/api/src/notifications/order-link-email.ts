/** "Find my order"'s email: a new link to the order, sent once per request (see send-once.ts). */
import { orderLinkForFinder } from "../orders/find-my-order.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { linkEmail, orderLabel } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const ORDER_LINK_EMAIL = "order_link";

export async function sendOrderLinkEmail(
  deps: DeliveryDeps,
  payload: { email: string; number: number; seed: string },
): Promise<DeliveryResult | { status: "no_match" }> {
  const found = await orderLinkForFinder(deps.db, deps.config, payload);
  if (!found) return { status: "no_match" };
  const number = orderLabel(found.number);
  const email = linkEmail({
    subject: `Your link to Shopwright order ${number}`,
    lines: [
      `Someone asked for a link to order ${number}, placed with this email address.`,
      "The link below opens the order: where it stands, its tracking, and payment if it still needs paying. Keep it to yourself; links sent before keep working.",
      "If you did not ask for it, you can ignore this email.",
    ],
    action: { label: "Open my order", href: found.link },
  });
  return sendOnce(deps, { kind: ORDER_LINK_EMAIL, ref: found.ref, to: found.to, email });
}
