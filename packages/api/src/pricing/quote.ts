/**
 * A cart priced as checkout will charge it: the rules in force are read (tax settings, the zones
 * serving the address, the code the shopper applied) and handed to the pure pipeline. The cart's
 * page, the checkout summary and checkout itself all price through here, so what a shopper is
 * shown and what they are charged come from the same call.
 */
import type { Db, OrderPricing } from "@shopwright/db";
import { productCategoryIds } from "../catalog/categories.ts";
import { badRequest } from "../errors.ts";
import { liveDiscountRule } from "./discount-codes.ts";
import type { DiscountRule } from "./discounts.ts";
import { type PricedOrder, priceOrder } from "./pipeline.ts";
import { pricingRules } from "./rules.ts";
import { methodsFor, notShippedTo, priceMethods, type ShippingMethod, type ShippingOption } from "./shipping.ts";
import type { TaxAddress } from "./tax.ts";

export interface QuoteLine {
  /** Unique within the quote: the cart line's key. */
  lineId: string;
  productId: string;
  unitPriceCents: number;
  quantity: number;
}

export interface QuoteRequest {
  lines: readonly QuoteLine[];
  /** Where the order goes; without it no shipping is chosen and no tax applies yet. */
  address?: TaxAddress | null;
  /** The method the shopper picked; absent, the cheapest for the address. */
  shippingMethodId?: string | null;
  /** The code held by the cart, as normalised. */
  discountCode?: string | null;
  now?: Date;
}

export interface Quote {
  priced: PricedOrder;
  /** The address's methods priced for this cart, cheapest first; empty without an address or a zone. */
  shippingOptions: ShippingOption[];
  shippingMethod: ShippingMethod | null;
  /** "We don't ship to Germany yet": checkout refuses until the address changes. */
  shippingProblem: string | null;
  /** The code the cart holds, and whether it can still be used (`rule` is null when it cannot). */
  discount: { code: string; rule: DiscountRule | null } | null;
  /** What the order keeps of the rules it was priced with. */
  snapshot: OrderPricing;
}

export async function quoteOrder(db: Db, request: QuoteRequest): Promise<Quote> {
  const now = request.now ?? new Date();
  const code = request.discountCode ?? null;
  const [{ taxSettings, zones }, rule, categories] = await Promise.all([
    pricingRules(db),
    code ? liveDiscountRule(db, code, now) : null,
    productCategoryIds(
      db,
      request.lines.map((line) => line.productId),
    ),
  ]);
  const lines = request.lines.map((line) => ({ ...line, categoryIds: categories.get(line.productId) ?? [] }));
  const input = { lines, discount: rule, taxSettings, address: request.address ?? null };

  // Shipping is priced on the goods after the discount, so the methods are offered from a first pass.
  const goods = priceOrder(input);
  const country = request.address?.country;
  const methods = country ? methodsFor(zones, country) : [];
  const shippingProblem = country && methods.length === 0 && lines.length > 0 ? notShippedTo(country) : null;
  const offered = priceMethods(methods, goods);
  const chosenId = request.shippingMethodId ?? offered[0]?.id;
  const method = methods.find((m) => m.id === chosenId);
  if (request.shippingMethodId && !method && !shippingProblem) {
    throw badRequest("Choose one of the delivery methods offered for this address", { field: "shippingMethodId" });
  }
  const priced = method ? priceOrder({ ...input, shippingMethod: method }) : goods;
  const applied = priced.discount?.applied ? rule : null;
  return {
    priced,
    shippingOptions: offered,
    shippingMethod: method ?? null,
    shippingProblem,
    discount: code ? { code, rule } : null,
    snapshot: {
      taxIncluded: priced.taxIncluded,
      taxShipping: taxSettings.taxShipping,
      taxRate: priced.taxRate
        ? {
            country: priced.taxRate.country,
            region: priced.taxRate.region ?? null,
            ratePercent: priced.taxRate.ratePercent,
          }
        : null,
      discount: applied
        ? {
            code: applied.code,
            kind: applied.kind,
            value: applied.value,
            categoryId: applied.categoryId ?? null,
            amountCents: priced.discountCents,
          }
        : null,
      shippingMethod:
        method && priced.shipping
          ? {
              id: method.id,
              name: method.name,
              estimate: method.estimate,
              priceCents: priced.shipping.cents,
              taxCents: priced.shipping.taxCents,
            }
          : null,
    },
  };
}
