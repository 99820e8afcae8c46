/**
 * The words both apps use for an order's and a payment's status, so the shopper, the admin and the
 * timeline say the same thing ("Awaiting payment" everywhere). Keyed by the API's status names.
 */
export const ORDER_STATUS_LABELS = {
  placed: "Awaiting payment",
  processing: "Processing",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
} as const;

export type OrderStatusName = keyof typeof ORDER_STATUS_LABELS;

/**
 * A timeline's steps, one name each whether reached or still to come: a step is not renamed once
 * the order gets there. The first step is the order being placed, not the wait for its payment.
 */
export const ORDER_STEP_LABELS: Record<OrderStatusName, string> = {
  ...ORDER_STATUS_LABELS,
  placed: "Order placed",
};

export const PAYMENT_STATUS_LABELS = {
  pending: "Pending",
  succeeded: "Paid",
  failed: "Failed",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
} as const;
