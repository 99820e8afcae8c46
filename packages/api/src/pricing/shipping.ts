/**
 * Shipping: zones (each a set of countries) hold methods (a flat price, optionally free from a
 * subtotal up). An address is served by the one zone that lists its country; a country in no zone
 * is refused with words before payment, never after.
 */

import { countryName } from "@shopwright/address";

export interface ShippingMethod {
  id: string;
  name: string;
  /** In words, as the shopper reads it: "3–5 working days". */
  estimate: string;
  priceCents: number;
  /** Free when the goods come to at least this much (after the discount); absent: never free. */
  freeAboveCents?: number | null;
}

export interface ShippingZone {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes; a country is in at most one zone. */
  countries: readonly string[];
  methods: readonly ShippingMethod[];
}

/** A method as the shopper is offered it, priced for their cart. */
export interface ShippingOption {
  id: string;
  name: string;
  estimate: string;
  priceCents: number;
}

/**
 * What "free shipping above $50" is measured against: the goods after the discount, which is what
 * the shop is paid for them. A merchant means "orders that bring me $50 ship free": a $55 cart with
 * a 20 % code brings in $44 and pays for its delivery; measured before the code, every code would
 * be worth its face value plus the shipping. It is the figure before tax (shipping comes before tax
 * in the pipeline): the shelf prices minus the discount, tax-inclusive when the shop's prices are.
 */
export function shippingBasisCents(order: { subtotalCents: number; discountCents: number }): number {
  return order.subtotalCents - order.discountCents;
}

/** "Free above $50" includes $50.00 itself: shoppers read it as "$50 or more". */
export function shippingPriceCents(method: ShippingMethod, basisCents: number): number {
  return method.freeAboveCents != null && basisCents >= method.freeAboveCents ? 0 : method.priceCents;
}

/** The methods the zone serving `country` offers; none when no zone lists it. */
export function methodsFor(zones: readonly ShippingZone[], country: string): readonly ShippingMethod[] {
  return zones.find((zone) => zone.countries.includes(country))?.methods ?? [];
}

/** Said, before payment, to a shopper whose country no zone serves. */
export function notShippedTo(country: string): string {
  return `We don't ship to ${countryName(country)} yet`;
}

/** Each method's price for this order, cheapest first; at equal prices, in the merchant's order. */
export function priceMethods(
  methods: readonly ShippingMethod[],
  order: { subtotalCents: number; discountCents: number },
): ShippingOption[] {
  const basis = shippingBasisCents(order);
  return methods
    .map((method) => ({
      id: method.id,
      name: method.name,
      estimate: method.estimate,
      priceCents: shippingPriceCents(method, basis),
    }))
    .sort((a, b) => a.priceCents - b.priceCents);
}
