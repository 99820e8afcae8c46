/**
 * A discount code's effect on a cart: how much it takes off, and from which lines. The code's
 * window, usage limit and once-per-customer rule are checked where the code is looked up and used
 * (in the checkout transaction, under concurrency); what is decided here depends on the cart alone.
 */
import type { DiscountKind } from "@shopwright/db";
import { allocate, scaleCents, sumCents } from "../lib/money.ts";

export interface DiscountRule {
  /** As normalised (`normalizeDiscountCode`): shown on the order and its receipt. */
  code: string;
  kind: DiscountKind;
  /** Whole percent (1–100) for `percent`; cents for `fixed`. */
  value: number;
  /** Only lines in this category or its subcategories count; absent: the whole order. */
  categoryId?: string | null;
  /** Compared with the eligible lines' subtotal (all lines for an order-wide code). */
  minSubtotalCents?: number | null;
}

export type DiscountOutcome =
  | { code: string; applied: true; amountCents: number }
  | { code: string; applied: false; reason: "below_minimum"; shortfallCents: number }
  | { code: string; applied: false; reason: "no_eligible_lines" };

export interface DiscountableLine {
  /** The product's category and its ancestors. */
  categoryIds: readonly string[];
  subtotalCents: number;
}

export interface AppliedDiscount {
  outcome: DiscountOutcome;
  /** Each line's share of the discount, in the lines' order; they sum to the amount exactly. */
  lineDiscounts: number[];
}

/**
 * A percentage is taken from the eligible subtotal once and rounded (half up), then spread over the
 * eligible lines by largest remainder in proportion to their subtotals; a fixed amount is capped at
 * the eligible subtotal, then spread the same way. So no line goes below zero, lines outside the
 * code's category get nothing, and the lines' shares add up to the discount on the receipt.
 * The minimum counts the eligible lines only: "$10 off shoes over $50" means $50 of shoes.
 */
export function applyDiscount(rule: DiscountRule, lines: readonly DiscountableLine[]): AppliedDiscount {
  const eligible = lines.map((line) => !rule.categoryId || line.categoryIds.includes(rule.categoryId));
  const weights = lines.map((line, i) => (eligible[i] ? line.subtotalCents : 0));
  const none = lines.map(() => 0);
  if (!eligible.includes(true)) {
    return { outcome: { code: rule.code, applied: false, reason: "no_eligible_lines" }, lineDiscounts: none };
  }
  const eligibleCents = sumCents(weights);
  const minimum = rule.minSubtotalCents ?? 0;
  if (eligibleCents < minimum) {
    return {
      outcome: { code: rule.code, applied: false, reason: "below_minimum", shortfallCents: minimum - eligibleCents },
      lineDiscounts: none,
    };
  }
  const asked = rule.kind === "percent" ? scaleCents(eligibleCents, rule.value, 100) : rule.value;
  const amountCents = Math.min(asked, eligibleCents);
  return { outcome: { code: rule.code, applied: true, amountCents }, lineDiscounts: allocate(amountCents, weights) };
}
