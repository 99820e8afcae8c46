/**
 * The provider's refund API as the payments domain sees it: a port, implemented over HTTP in
 * `gateway.ts` and in memory by the tests' fake gateway.
 */

export interface RefundPaymentInput {
  /** The shop's refund id; the provider treats it as the idempotency key of the call. */
  refundId: string;
  /** The captured payment, by the shop's payment id (the provider's merchant reference). */
  paymentId: string;
  amountCents: number;
  reason: string;
}

export interface RefundGateway {
  /**
   * Asks the provider to give back part of a captured payment. It answers at once with the refund
   * pending; the outcome arrives later as a signed `refund.succeeded` or `refund.failed` webhook.
   * Asking again with the same refund id changes nothing.
   */
  refundPayment(input: RefundPaymentInput): Promise<{ status: "pending" | "succeeded" | "failed" }>;
}
