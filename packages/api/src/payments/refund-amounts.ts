/**
 * How much a refund gives back for what it names. One place, so that when orders record each
 * line's discount and tax, a line's paid amount (and so its refund, tax included) is read here.
 */
import { lineTotal, scaleCents } from "../lib/money.ts";

/** What the shopper paid for a line: quantity × unit price while orders hold no per-line parts. */
export function linePaidCents(line: { unitPriceCents: number; quantity: number }): number {
  return lineTotal(line.unitPriceCents, line.quantity);
}

/**
 * The paid amount of `units` more units of a line of which `alreadyClaimed` were refunded before.
 * Worked as the difference of cumulative shares, so a line refunded unit by unit adds up to
 * exactly what it cost, whatever rounding its per-unit share needs.
 */
export function lineRefundCents(
  line: { unitPriceCents: number; quantity: number },
  alreadyClaimed: number,
  units: number,
): number {
  const paid = linePaidCents(line);
  return scaleCents(paid, alreadyClaimed + units, line.quantity) - scaleCents(paid, alreadyClaimed, line.quantity);
}

/**
 * The shipping the shopper paid: the order's total beyond its lines. Orders charge no shipping yet,
 * so this is 0 until checkout records it.
 */
export function shippingPaidCents(order: { totalCents: number; subtotalCents: number }): number {
  return Math.max(0, order.totalCents - order.subtotalCents);
}
