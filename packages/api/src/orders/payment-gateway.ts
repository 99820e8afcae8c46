/**
 * The payment gateway as checkout sees it: a port with one operation. Orders declares it and
 * payments implements it (`payments/gateway.ts`), so payments depends on orders and never the
 * other way round.
 */

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
