/**
 * The emails that follow an order after it is paid: shipped (with the tracking number when the
 * admin gave one), delivered, cancelled. One per order and status, sent once (see send-once.ts).
 */
import { type Address, addressLines } from "@shopwright/address";
import type { ApiConfig } from "../config.ts";
import { formatCents } from "../lib/money.ts";
import { loadOrder } from "../orders/queries.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { escapeHtml, htmlLayout, orderLabel, orderPageUrl, type RenderedEmail } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export type NotifiedStatus = "shipped" | "delivered" | "cancelled";

const kindOf = (status: NotifiedStatus) => `order_${status}`;

/** What a status email says about its order. */
interface StatusFacts {
  id: string;
  number: number;
  customerName: string;
  totalCents: number;
  shippingAddress: Address;
  trackingNumber: string | null;
  placedAsGuest: boolean;
}

function paragraphs(order: StatusFacts, status: NotifiedStatus): string[] {
  const number = orderLabel(order.number);
  switch (status) {
    case "shipped":
      return [
        `Your order ${number} is on its way to:`,
        addressLines(order.shippingAddress).join(", "),
        order.trackingNumber ? `Tracking number: ${order.trackingNumber}` : "",
      ].filter(Boolean);
    case "delivered":
      return [`Your order ${number} has been delivered. We hope you enjoy it.`];
    case "cancelled":
      return [
        `Your order ${number} (${formatCents(order.totalCents)}) has been cancelled.`,
        "If you paid for it, the payment will be refunded to you.",
      ];
  }
}

const HEADINGS: Record<NotifiedStatus, (number: string) => string> = {
  shipped: (n) => `Your order ${n} has shipped`,
  delivered: (n) => `Your order ${n} has been delivered`,
  cancelled: (n) => `Your order ${n} has been cancelled`,
};

export function renderOrderStatus(order: StatusFacts, status: NotifiedStatus, publicUrl: string): RenderedEmail {
  return orderLetter(order, HEADINGS[status](orderLabel(order.number)), paragraphs(order, status), publicUrl);
}

/** A tracking number given or corrected after the order shipped. */
export function renderTrackingUpdate(order: StatusFacts, trackingNumber: string, publicUrl: string): RenderedEmail {
  const number = orderLabel(order.number);
  return orderLetter(
    order,
    `Tracking for your order ${number}`,
    [
      `Your order ${number} is on its way. You can follow the parcel with this tracking number:`,
      `Tracking number: ${trackingNumber}`,
      "If we sent you another number before, this one replaces it.",
    ],
    publicUrl,
  );
}

/** A short letter about an order: greeting, paragraphs, a link to the order's page. */
export function orderLetter(
  order: Pick<StatusFacts, "id" | "customerName" | "placedAsGuest">,
  subject: string,
  body: string[],
  publicUrl: string,
): RenderedEmail {
  const link = orderPageUrl(order, publicUrl);
  const text = [`Hello ${order.customerName},`, "", ...body, "", `See your order: ${link}`, "", "— Shopwright"].join(
    "\n",
  );
  const html = htmlLayout({
    title: subject,
    heading: subject,
    body: [`Hello ${order.customerName},`, ...body].map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    action: { label: "View your order", href: link },
  });
  return { subject, html, text };
}

/**
 * Sends the tracking email once per order and number; a number corrected again before this job ran
 * is no longer the order's, and is not sent.
 */
export async function sendOrderTrackingEmail(
  deps: DeliveryDeps & { config: ApiConfig },
  orderId: string,
  trackingNumber: string,
): Promise<DeliveryResult | { status: "superseded" }> {
  const { order } = await loadOrder(deps.db, orderId);
  if (order.trackingNumber !== trackingNumber) return { status: "superseded" };
  const email = renderTrackingUpdate(order, trackingNumber, deps.config.publicUrl);
  return sendOnce(deps, { kind: "order_tracking", ref: `${orderId}:${trackingNumber}`, to: order.email, email });
}

export async function sendOrderStatusEmail(
  deps: DeliveryDeps & { config: ApiConfig },
  orderId: string,
  status: NotifiedStatus,
): Promise<DeliveryResult> {
  const { order } = await loadOrder(deps.db, orderId);
  const email = renderOrderStatus(order, status, deps.config.publicUrl);
  return sendOnce(deps, { kind: kindOf(status), ref: orderId, to: order.email, email });
}
