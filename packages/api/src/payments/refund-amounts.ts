/**
 * How much a refund gives back for what it names, read from the figures the order stored when it
 * was priced: a line's total after its share of the discount and with its tax, and the shipping
 * with its tax, so a refund follows the order's own split and the tax refunded is exact.
 */
import type { OrderPricing } from "@shopwright/db";
import { scaleCents } from "../lib/money.ts";

/** What the shopper paid for a line: its stored total (discounted, tax included or added). */
export function linePaidCents(line: { paidCents: number }): number {
  return line.paidCents;
}

/**
 * The paid amount of `units` more units of a line of which `alreadyClaimed` were refunded before.
 * Worked as the difference of cumulative shares, so a line refunded unit by unit adds up to
 * exactly what it cost, whatever rounding its per-unit share needs.
 */
export function lineRefundCents(
  line: { paidCents: number; quantity: number },
  alreadyClaimed: number,
  units: number,
): number {
  const paid = linePaidCents(line);
  return scaleCents(paid, alreadyClaimed + units, line.quantity) - scaleCents(paid, alreadyClaimed, line.quantity);
}

/** The shipping the shopper paid: its price, and its tax when tax was added on top. */
export function shippingPaidCents(order: { shippingCents: number; pricing: OrderPricing | null }): number {
  const addedTax = order.pricing && !order.pricing.taxIncluded ? (order.pricing.shippingMethod?.taxCents ?? 0) : 0;
  return order.shippingCents + addedTax;
}
