/** The hosted payment page. `html` escapes every interpolated value. */
import type { GatewayPaymentStatus } from "@shopwright/db";
import { html } from "hono/html";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export interface PageModel {
  id: string;
  orderId: string;
  description: string;
  amountCents: number;
  status: GatewayPaymentStatus;
}

const OUTCOME = {
  succeeded: "This payment was approved.",
  failed: "This payment was declined.",
  voided: "The shop closed this payment; nothing was charged.",
} as const;

export function paymentPage({ id, orderId, description, amountCents, status }: PageModel) {
  const amount = usd.format(amountCents / 100);
  const action = `/mockpay/pay/${encodeURIComponent(id)}`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mockpay — pay ${amount}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
      .amount { font-size: 2.5rem; font-weight: 700; margin: 0.5rem 0 1.5rem; }
      form { display: inline; }
      button { font: inherit; padding: 0.6rem 1.4rem; margin-right: 0.5rem; border-radius: 6px; border: 1px solid #888; cursor: pointer; }
      .approve { background: #14804a; color: #fff; border-color: #14804a; }
    </style>
  </head>
  <body>
    <p>Mockpay · simulated payment provider</p>
    <h1>${description || `Order ${orderId}`}</h1>
    <p class="amount">${amount}</p>
    ${
      status === "requires_action"
        ? html`<form method="post" action="${action}">
            <input type="hidden" name="decision" value="approve" />
            <button class="approve" type="submit">Approve</button>
          </form>
          <form method="post" action="${action}">
            <input type="hidden" name="decision" value="decline" />
            <button type="submit">Decline</button>
          </form>`
        : html`<p>${OUTCOME[status]}</p>`
    }
  </body>
</html>`;
}
