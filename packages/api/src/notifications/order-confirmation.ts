/** The order confirmation email: rendered with the parts every email shares (render.ts). */
import { type Address, addressLines } from "@shopwright/address";
import type { OrderPricing } from "@shopwright/db";
import { moneyRows } from "@shopwright/ui/money-rows";
import { nameWithOptions, type VariantOptions } from "@shopwright/ui/variant-options";
import { formatCents, lineTotal } from "../lib/money.ts";
import { escapeHtml, htmlLayout, orderLabel, type RenderedEmail } from "./render.ts";

export interface ConfirmationOrder {
  id: string;
  number: number;
  customerName: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  pricing: OrderPricing | null;
  shippingAddress: Address;
  placedAt: Date;
  /** `options` is the variant's as the order line snapshot it ({ Size: "M", Colour: "Sand" }). */
  lines: { name: string; quantity: number; unitPriceCents: number; options?: VariantOptions | null }[];
}

/** The receipt's money rows, from what the order stored, as the order page and the admin show them. */
function receiptRows(order: ConfirmationOrder): [string, number][] {
  return moneyRows({
    ...order,
    taxIncluded: order.pricing?.taxIncluded ?? false,
    discountCode: order.pricing?.discount?.code,
    shippingName: order.pricing?.shippingMethod?.name,
  }).map((row) => [row.label, row.cents]);
}

/** `link` opens the order: its page for an account's order, an order link for a guest's. */
export function renderOrderConfirmation(order: ConfirmationOrder, link: string): RenderedEmail {
  const date = order.placedAt.toISOString().slice(0, 10);
  const number = orderLabel(order.number);
  const subject = `Your Shopwright order ${number}`;
  const totals = receiptRows(order);

  const text = [
    `Hello ${order.customerName},`,
    "",
    `Thank you for your order. Order number: ${number} (placed ${date}).`,
    "",
    ...order.lines.map(
      (l) =>
        `  ${l.quantity} × ${nameWithOptions(l.name, l.options)} at ${formatCents(l.unitPriceCents)} = ${formatCents(lineTotal(l.unitPriceCents, l.quantity))}`,
    ),
    "",
    ...totals.map(([label, cents]) => `  ${label}: ${formatCents(cents)}`),
    "",
    "Shipping to:",
    ...addressLines(order.shippingAddress).map((l) => `  ${l}`),
    "",
    `See your order: ${link}`,
    "",
    "— Shopwright",
  ].join("\n");

  const cell = 'style="padding:6px 8px;border-bottom:1px solid #e5e5e5"';
  const right = 'style="padding:6px 8px;border-bottom:1px solid #e5e5e5;text-align:right"';
  const rows = order.lines
    .map(
      (l) =>
        `<tr><td ${cell}>${escapeHtml(nameWithOptions(l.name, l.options))}</td><td ${right}>${l.quantity}</td>` +
        `<td ${right}>${formatCents(l.unitPriceCents)}</td>` +
        `<td ${right}>${formatCents(lineTotal(l.unitPriceCents, l.quantity))}</td></tr>`,
    )
    .join("\n");
  const totalRows = totals
    .map(
      ([label, cents]) =>
        `<tr><td colspan="3" ${right}><strong>${label}</strong></td><td ${right}>${formatCents(cents)}</td></tr>`,
    )
    .join("\n");
  const html = htmlLayout({
    title: subject,
    heading: "Thank you for your order",
    body: `<p>Hello ${escapeHtml(order.customerName)},</p>
<p>We have received your order <strong>${escapeHtml(number)}</strong>, placed ${date}.</p>
<table style="width:100%;border-collapse:collapse" role="presentation">
<thead><tr><th ${cell} align="left">Item</th><th ${right}>Qty</th><th ${right}>Price</th><th ${right}>Amount</th></tr></thead>
<tbody>
${rows}
${totalRows}
</tbody>
</table>
<h2 style="font-size:16px;margin-top:24px">Shipping to</h2>
<p>${addressLines(order.shippingAddress).map(escapeHtml).join("<br>")}</p>`,
    action: { label: "View your order", href: link },
  });
  return { subject, html, text };
}
