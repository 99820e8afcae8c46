/**
 * The payment gateway port's implementation over the provider's HTTP API. The shop never reaches
 * into the provider's storage, even for the simulated provider served by this same process.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { PaymentGateway } from "../orders/payment-gateway.ts";
import type { RefundGateway } from "./refund-gateway.ts";

/**
 * The merchant API key for the simulated provider, derived from the webhook secret both sides
 * already share, so there is no second secret to configure.
 */
export function gatewayApiKey(webhookSecret: string): string {
  return createHmac("sha256", webhookSecret).update("mockpay:api-key").digest("hex");
}

const createdPayment = z.object({ url: z.url() });
const voidedPayment = z.object({ status: z.enum(["voided", "succeeded", "failed"]) });
const requestedRefund = z.object({ status: z.enum(["pending", "succeeded", "failed"]) });

export function httpPaymentGateway(options: {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}): PaymentGateway & RefundGateway {
  const { baseUrl, apiKey, timeoutMs = 5_000 } = options;
  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`The payment gateway answered ${response.status}`);
    return response.json();
  }
  return {
    async createPayment({ paymentId, orderId, description, amountCents, returnUrl }) {
      return createdPayment.parse(
        await post("/api/payments", { reference: paymentId, orderId, description, amountCents, returnUrl }),
      );
    },
    async voidPayment(paymentId) {
      return voidedPayment.parse(await post(`/api/payments/${encodeURIComponent(paymentId)}/void`, {}));
    },
    async simulateDecision(paymentId, decision) {
      return voidedPayment.parse(await post(`/api/payments/${encodeURIComponent(paymentId)}/decision`, { decision }));
    },
    async refundPayment({ refundId, paymentId, amountCents, reason }) {
      return requestedRefund.parse(
        await post(`/api/payments/${encodeURIComponent(paymentId)}/refunds`, {
          reference: refundId,
          amountCents,
          reason,
        }),
      );
    },
  };
}
