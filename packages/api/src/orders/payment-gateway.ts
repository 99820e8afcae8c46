/**
 * The payment gateway as orders sees it: a port. Orders declares it and payments implements it
 * (`payments/gateway.ts`), so payments depends on orders and never the other way round.
 */

export interface CreatePaymentInput {
  /** The shop's payment id; the provider treats it as the idempotency key of the call. */
  paymentId: string;
  orderId: string;
  /** Shown to the shopper on the hosted page: "Shopwright order #1042". */
  description: string;
  amountCents: number;
  /** Where the provider sends the shopper after the hosted page. */
  returnUrl: string;
}

/** Where a payment stands at the provider once the shop asked to void it (or to decide it). */
export type VoidedPaymentStatus = "voided" | "succeeded" | "failed";

/** The shopper's two buttons on the hosted payment page. */
export type PaymentDecision = "approve" | "decline";

export interface PaymentGateway {
  /** Registers a payment (again, harmlessly) and returns its hosted payment page. */
  createPayment(input: CreatePaymentInput): Promise<{ url: string }>;
  /**
   * Closes a payment the shopper has not decided yet, so its hosted page can no longer take money.
   * A payment already decided stays as it was, and the answer says which way it went.
   */
  voidPayment(paymentId: string): Promise<{ status: VoidedPaymentStatus }>;
  /**
   * A simulated provider's test helper, as real providers offer in test mode: decides a payment
   * exactly as the shopper's click on the hosted page does, webhook included. Answers where the
   * payment stands afterwards, which is its earlier outcome when it had been decided or voided.
   */
  simulateDecision(paymentId: string, decision: PaymentDecision): Promise<{ status: VoidedPaymentStatus }>;
}
