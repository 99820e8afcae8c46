/**
 * The values each enum-like column accepts, declared once for both dialects' schemas; other code
 * derives its lists, zod enums and types from these.
 */
export const userRoles = ["customer", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

export const productStatuses = ["active", "archived"] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** An archived variant is no longer sold; its order lines keep pointing at it. */
export const variantStatuses = ["active", "archived"] as const;
export type VariantStatus = (typeof variantStatuses)[number];

export const orderStatuses = ["placed", "processing", "shipped", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** A captured payment becomes `partially_refunded`, then `refunded`, as its refunds succeed. */
export const paymentStatuses = ["pending", "succeeded", "failed", "partially_refunded", "refunded"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];
/** The statuses of a payment that took the money: what revenue counts and refunds draw on. */
export const capturedPaymentStatuses = [
  "succeeded",
  "partially_refunded",
  "refunded",
] as const satisfies readonly PaymentStatus[];
export const isCaptured = (status: PaymentStatus): boolean =>
  (capturedPaymentStatuses as readonly PaymentStatus[]).includes(status);

/** A refund is `pending` until the provider's webhook says it `succeeded` or `failed`. */
export const refundStatuses = ["pending", "succeeded", "failed"] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/** A discount code takes a whole percentage off, or a fixed amount in cents. */
export const discountKinds = ["percent", "fixed"] as const;
export type DiscountKind = (typeof discountKinds)[number];

export const emailStatuses = ["queued", "sending", "sent", "failed"] as const;

/** The simulated provider's own payment states, not the shop's. */
export const gatewayPaymentStatuses = ["requires_action", "succeeded", "failed", "voided"] as const;
export type GatewayPaymentStatus = (typeof gatewayPaymentStatuses)[number];
/** The simulated provider's refund states: decided when its webhook is first delivered. */
export const gatewayRefundStatuses = ["pending", "succeeded", "failed"] as const;
