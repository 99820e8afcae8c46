/**
 * What every email shares: an HTML part and a plain-text part rendered from the same facts, every
 * value from the database escaped (there is no template engine to trust), one layout.
 */
import { storefrontRoutes } from "@shopwright/routes";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * Where an email about an order sends its reader: an account's order's page, or, for an order placed
 * as a guest (which opens only by its link, and the link is in the confirmation), the page that
 * emails its link again. It depends on how the order was placed, never on whether an account has
 * the address, so a guest's emails read alike either way.
 */
export function orderPageUrl(order: { id: string; placedAsGuest: boolean }, publicUrl: string): string {
  return `${publicUrl}${order.placedAsGuest ? storefrontRoutes.findOrder.href() : storefrontRoutes.order.href({ id: order.id })}`;
}

/** How people read an order number, in subjects and bodies alike. */
export const orderLabel = (number: number) => `#${number}`;

/** The HTML page around a message's body, with its one call to action. */
export function htmlLayout(options: {
  title: string;
  heading: string;
  body: string;
  action: { label: string; href: string };
}) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;max-width:600px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(options.heading)}</h1>
${options.body}
<p style="margin-top:24px"><a href="${escapeHtml(options.action.href)}" style="background:#1a1a1a;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(options.action.label)}</a></p>
<p style="color:#666;font-size:12px">Shopwright</p>
</body>
</html>`;
}

/** A short message: a few paragraphs and one link, in both parts. */
export function linkEmail(options: { subject: string; lines: string[]; action: { label: string; href: string } }) {
  const { subject, lines, action } = options;
  return {
    subject,
    text: [...lines, "", action.href, "", "— Shopwright"].join("\n\n"),
    html: htmlLayout({
      title: subject,
      heading: subject,
      body: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n"),
      action,
    }),
  } satisfies RenderedEmail;
}
