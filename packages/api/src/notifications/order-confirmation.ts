/**
 * The order confirmation email: an HTML part and a plain-text part rendered from the same facts.
 * Every value from the database is escaped; there is no template engine to trust.
 */

import type { Address } from "@shopwright/db";
import { storefrontRoutes } from "@shopwright/routes";
import { formatCents, lineTotal } from "../lib/money.ts";

export interface ConfirmationOrder {
  id: string;
  customerName: string;
  subtotalCents: number;
  totalCents: number;
  shippingAddress: Address;
  placedAt: Date;
  lines: { name: string; quantity: number; unitPriceCents: number }[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

const addressLines = (a: Address) =>
  [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter((l): l is string => Boolean(l));

export function renderOrderConfirmation(order: ConfirmationOrder, publicUrl: string): RenderedEmail {
  const link = `${publicUrl}${storefrontRoutes.order.href({ id: order.id })}`;
  const shippingCents = order.totalCents - order.subtotalCents;
  const date = order.placedAt.toISOString().slice(0, 10);
  const subject = `Your Shopwright order ${order.id}`;
  const totals: [string, number][] = [
    ["Subtotal", order.subtotalCents],
    ...(shippingCents !== 0 ? ([["Shipping", shippingCents]] as [string, number][]) : []),
    ["Total", order.totalCents],
  ];

  const text = [
    `Hello ${order.customerName},`,
    "",
    `Thank you for your order. Order number: ${order.id} (placed ${date}).`,
    "",
    ...order.lines.map(
      (l) =>
        `  ${l.quantity} × ${l.name} at ${formatCents(l.unitPriceCents)} = ${formatCents(lineTotal(l.unitPriceCents, l.quantity))}`,
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
        `<tr><td ${cell}>${escapeHtml(l.name)}</td><td ${right}>${l.quantity}</td>` +
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
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;max-width:600px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">Thank you for your order</h1>
<p>Hello ${escapeHtml(order.customerName)},</p>
<p>We have received your order <strong>${escapeHtml(order.id)}</strong>, placed ${date}.</p>
<table style="width:100%;border-collapse:collapse" role="presentation">
<thead><tr><th ${cell} align="left">Item</th><th ${right}>Qty</th><th ${right}>Price</th><th ${right}>Amount</th></tr></thead>
<tbody>
${rows}
${totalRows}
</tbody>
</table>
<h2 style="font-size:16px;margin-top:24px">Shipping to</h2>
<p>${addressLines(order.shippingAddress).map(escapeHtml).join("<br>")}</p>
<p style="margin-top:24px"><a href="${escapeHtml(link)}" style="background:#1a1a1a;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">View your order</a></p>
<p style="color:#666;font-size:12px">Shopwright</p>
</body>
</html>`;
  return { subject, html, text };
}
