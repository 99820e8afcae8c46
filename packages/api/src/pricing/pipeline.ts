/**
 * The pricing pipeline: every total the shop shows, charges, mails or refunds is computed here, once,
 * from a snapshot of the cart and the rules in force, in this order:
 *
 *   line prices → discounts → shipping → tax → total
 *
 * It is pure (no database, no clock): the caller reads the cart, the code, the method and the tax
 * settings, and stores the result with the order, so a placed order never changes when the
 * merchant edits a rule. docs/architecture.md ("Pricing") explains each decision.
 */
import { lineTotal, sumCents } from "../lib/money.ts";
import { applyDiscount, type DiscountOutcome, type DiscountRule } from "./discounts.ts";
import { type ShippingMethod, shippingBasisCents, shippingPriceCents } from "./shipping.ts";
import { ratePpm, type TaxAddress, type TaxRate, type TaxSettings, taxOn, taxRateFor } from "./tax.ts";

export interface PricingLine {
  lineId: string;
  variantId?: string;
  productId: string;
  /** The product's category and its ancestors, so a code for a category applies to its subcategories. */
  categoryIds: readonly string[];
  unitPriceCents: number;
  quantity: number;
}

export interface PricingInput {
  /** In a stable order (the cart's): ties in splitting a discount go to the earlier line. */
  lines: readonly PricingLine[];
  /** A code already found live (window, usage, customer): the pipeline checks only what the cart decides. */
  discount?: DiscountRule | null;
  /** The method chosen for the address's zone; absent: none chosen yet, shipping is 0. */
  shippingMethod?: ShippingMethod | null;
  taxSettings: TaxSettings;
  /** Where the order goes; absent: no rate applies yet (added tax shows as 0 until an address is given). */
  address?: TaxAddress | null;
}

export interface PricedLine {
  lineId: string;
  /** Unit price × quantity, as the shelf shows it (tax-inclusive when the shop's prices are). */
  subtotalCents: number;
  discountCents: number;
  /** Added on top, or the part of the discounted price that is tax when prices include it. */
  taxCents: number;
  /** What the shopper pays for the line: discounted, plus tax when tax is added. */
  totalCents: number;
}

export interface PricedShipping {
  methodId: string;
  /** The price charged: the method's price, or 0 when the goods reach its free-above amount. */
  cents: number;
  taxCents: number;
  totalCents: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  shipping: PricedShipping | null;
  /** What the code did; null without a code. */
  discount: DiscountOutcome | null;
  /** The rate applied, as configured (kept on the order); null when none applies. */
  taxRate: TaxRate | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** The lines' tax plus the shipping's tax, exactly. */
  taxCents: number;
  totalCents: number;
  /** True when prices include tax: the total is not subtotal − discount + shipping + tax then. */
  taxIncluded: boolean;
}

export function priceOrder(input: PricingInput): PricedOrder {
  const { pricesIncludeTax: included, taxShipping } = input.taxSettings;

  // 1. Line prices.
  const subtotals = input.lines.map((line) => {
    const cents = lineTotal(line.unitPriceCents, line.quantity);
    if (![line.unitPriceCents, line.quantity, cents].every((n) => Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(`line ${line.lineId}: ${line.quantity} × ${line.unitPriceCents} cents is not a price`);
    }
    return cents;
  });
  const subtotalCents = sumCents(subtotals);

  // 2. Discounts.
  const applied = input.discount
    ? applyDiscount(
        input.discount,
        input.lines.map((line, i) => ({ categoryIds: line.categoryIds, subtotalCents: subtotals[i]! })),
      )
    : null;
  const lineDiscounts = applied?.lineDiscounts ?? subtotals.map(() => 0);
  const discountCents = sumCents(lineDiscounts);

  // 3. Shipping, priced on the goods after the discount.
  const method = input.shippingMethod;
  const shippingCents = method ? shippingPriceCents(method, shippingBasisCents({ subtotalCents, discountCents })) : 0;

  // 4. Tax, per line on what the line costs after its discount, each rounded on its own.
  const taxRate = input.address ? taxRateFor(input.taxSettings.rates, input.address) : null;
  const ppm = taxRate ? ratePpm(taxRate.ratePercent) : 0;
  const withTax = (cents: number, taxable: boolean) => {
    const taxCents = taxable ? taxOn(cents, ppm, included) : 0;
    return { taxCents, totalCents: included ? cents : cents + taxCents };
  };
  const lines = input.lines.map((line, i) => {
    const net = subtotals[i]! - lineDiscounts[i]!;
    return {
      lineId: line.lineId,
      subtotalCents: subtotals[i]!,
      discountCents: lineDiscounts[i]!,
      ...withTax(net, true),
    };
  });
  const shipping = method
    ? { methodId: method.id, cents: shippingCents, ...withTax(shippingCents, taxShipping) }
    : null;

  // 5. Total: the sum of the parts, so the parts always add up to it.
  const parts = shipping ? [...lines, shipping] : lines;
  return {
    lines,
    shipping,
    discount: applied?.outcome ?? null,
    taxRate,
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents: sumCents(parts.map((part) => part.taxCents)),
    totalCents: sumCents(parts.map((part) => part.totalCents)),
    taxIncluded: included,
  };
}
