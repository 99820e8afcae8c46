/**
 * What checkout will charge, computed here rather than in the browser: the cart's lines at today's
 * prices, each line that cannot be bought as it stands flagged with how to fix it, and the lines
 * that can priced by the one pipeline checkout uses (discount, the delivery methods for the address,
 * tax). Checkout refuses while any line is flagged, and refuses a total other than the one the
 * shopper was shown, so the total on the page is the total charged.
 */
import type { Db } from "@shopwright/db";
import { getProfile } from "../auth/service.ts";
import { type CartKey, cartIdOf, cartLines, heldDiscountCode, pricingLines } from "../cart/lines.ts";
import { lineTotal } from "../lib/money.ts";
import { summarizeDiscount } from "../pricing/discount-words.ts";
import { quoteOrder } from "../pricing/quote.ts";
import type { TaxAddress } from "../pricing/tax.ts";

export type LineProblem =
  /** Archived or sold out: the fix is to remove it. */
  | { kind: "unavailable" }
  /** Fewer in stock than the line holds: the fix is to take what there is. */
  | { kind: "short"; available: number };

export interface SummaryRequest {
  /** Where the address typed on the checkout page is; absent, the one saved on the profile. */
  shippingAddress?: TaxAddress;
  shippingMethodId?: string;
}

/** A signed-in shopper's cart, or a guest's (who has no saved address to price for). */
export async function checkoutSummary(db: Db, owner: CartKey, request: SummaryRequest = {}) {
  const cartId = await cartIdOf(db, owner);
  const [lines, code, profile] = await Promise.all([
    cartId ? cartLines(db, cartId) : [],
    cartId ? heldDiscountCode(db, cartId) : null,
    request.shippingAddress || !("userId" in owner) ? null : getProfile(db, owner.userId),
  ]);
  const address = request.shippingAddress ?? profile?.shippingAddress ?? null;
  const quote = await quoteOrder(db, {
    lines: pricingLines(lines),
    address,
    shippingMethodId: request.shippingMethodId,
    discountCode: code,
  });
  const priced = new Map(quote.priced.lines.map((line) => [line.lineId, line]));
  const summaryLines = lines.map((line) => {
    const problem: LineProblem | null =
      line.limit === 0
        ? { kind: "unavailable" }
        : line.quantity > line.limit
          ? { kind: "short", available: line.limit }
          : null;
    const parts = priced.get(line.variantId);
    return {
      productId: line.productId,
      variantId: line.variantId,
      sku: line.sku,
      options: line.options,
      slug: line.slug,
      name: line.name,
      thumbnail: line.thumbnail,
      priceCents: line.priceCents,
      quantity: line.quantity,
      lineTotalCents: lineTotal(line.priceCents, line.quantity),
      discountCents: parts?.discountCents ?? 0,
      taxCents: parts?.taxCents ?? 0,
      totalCents: parts?.totalCents ?? 0,
      problem,
    };
  });
  const problems = summaryLines.filter((line) => line.problem).length;
  // Checkout would refuse an ended code with the total without it; the page offers to remove it first.
  const codeEnded = quote.discount !== null && quote.discount.rule === null;
  const { subtotalCents, discountCents, shippingCents, taxCents, totalCents, taxIncluded } = quote.priced;
  return {
    lines: summaryLines,
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    totalCents,
    taxIncluded,
    shippingOptions: quote.shippingOptions,
    /** The method the total includes: the one asked for, else the cheapest. */
    shippingMethodId: quote.shippingMethod?.id ?? null,
    /** "We don't ship to Germany yet": checkout refuses until the address changes. */
    shippingProblem: quote.shippingProblem,
    discount: summarizeDiscount(quote),
    /** Lines to fix first; checkout refuses while there are any. */
    problems,
    canCheckout: summaryLines.length > 0 && problems === 0 && quote.shippingProblem === null && !codeEnded,
  };
}
