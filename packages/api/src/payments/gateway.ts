/**
 * The payment gateway as the shop sees it: a port with one operation, and its implementation over
 * the provider's HTTP API. The shop never reaches into the provider's storage, even for the
 * simulated provider served by this same process.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";

export interface CreatePaymentInput {
  /** The shop's payment id; the provider treats it as the idempotency key of the call. */
  paymentId: string;
  orderId: string;
  amountCents: number;
  /** Where the provider sends the shopper after the hosted page. */
  returnUrl: string;
}

export interface PaymentGateway {
  /** Registers a payment (again, harmlessly) and returns its hosted payment page. */
  createPayment(input: CreatePaymentInput): Promise<{ url: string }>;
}

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
