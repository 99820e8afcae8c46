/**
 * A discount code as the cart and the checkout describe it to the shopper: what it takes off, and,
 * when it takes nothing, why in words they can act on.
 */
import { formatCents } from "../lib/money.ts";
import type { Quote } from "./quote.ts";

export interface DiscountSummary {
  code: string;
  /** "10% off", "$5.00 off". */
  description: string;
  amountCents: number;
  /** Why the code takes nothing off this cart; null when it applies. */
  problem: string | null;
}

/** The cart's code as the quote found it; null when the cart holds none. */
export function summarizeDiscount(quote: Quote): DiscountSummary | null {
  if (!quote.discount) return null;
  const { code, rule } = quote.discount;
  const outcome = quote.priced.discount;
  const description = rule ? (rule.kind === "percent" ? `${rule.value}% off` : `${formatCents(rule.value)} off`) : "";
  return {
    code,
    description,
    amountCents: quote.priced.discountCents,
    problem: !rule
      ? `${code} has ended or is used up; remove it to see your total`
      : outcome && !outcome.applied
        ? outcome.reason === "below_minimum"
          ? `Add ${formatCents(outcome.shortfallCents)} more of eligible items to use ${code}`
          : `${code} does not apply to anything in your cart`
        : null,
  };
}
