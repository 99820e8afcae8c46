/**
 * The payment gateway port's implementation over the provider's HTTP API. The shop never reaches
 * into the provider's storage, even for the simulated provider served by this same process.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { PaymentGateway } from "../orders/payment-gateway.ts";

/**
 * The merchant API key for the simulated provider, derived from the webhook secret both sides
 * already share, so there is no second secret to configure.
 */
export function gatewayApiKey(webhookSecret: string): string {
  return createHmac("sha256", webhookSecret).update("mockpay:api-key").digest("hex");
}

const createdPayment = z.object({ url: z.url() });

export function httpPaymentGateway(options: { baseUrl: string; apiKey: string; timeoutMs?: number }): PaymentGateway {
  const { baseUrl, apiKey, timeoutMs = 5_000 } = options;
  return {
    async createPayment({ paymentId, orderId, amountCents, returnUrl }) {
      const response = await fetch(`${baseUrl}/api/payments`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ reference: paymentId, orderId, amountCents, returnUrl }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`The payment gateway answered ${response.status}`);
      return createdPayment.parse(await response.json());
    },
  };
}
