/**
 * What checkout will charge, computed here rather than in the browser: the cart's lines at today's
 * prices, each line that cannot be bought as it stands flagged with how to fix it, and the total of
 * the lines that can. Checkout refuses while any line is flagged, and refuses a total other than the
 * one the shopper was shown, so the total on the page is the total charged.
 */
import type { Db } from "@shopwright/db";
import { cartLines, userCartId } from "../cart/lines.ts";
import { lineTotal, sumCents } from "../lib/money.ts";

export type LineProblem =
  /** Archived or sold out: the fix is to remove it. */
  | { kind: "unavailable" }
  /** Fewer in stock than the line holds: the fix is to take what there is. */
  | { kind: "short"; available: number };

export async function checkoutSummary(db: Db, userId: string) {
  const cartId = await userCartId(db, userId);
  const lines = cartId ? await cartLines(db, cartId) : [];
  const items = lines.map((line) => {
    const problem: LineProblem | null =
      line.limit === 0
        ? { kind: "unavailable" }
        : line.quantity > line.limit
          ? { kind: "short", available: line.limit }
          : null;
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
      problem,
    };
  });
  const subtotalCents = sumCents(items.filter((i) => !i.problem).map((i) => i.lineTotalCents));
  const problems = items.filter((i) => i.problem).length;
  return {
    items,
    subtotalCents,
    // No shipping or tax yet: the total is the subtotal, as checkout computes it.
    totalCents: subtotalCents,
    /** Lines to fix first; checkout refuses while there are any. */
    problems,
    canCheckout: items.length > 0 && problems === 0,
  };
}
