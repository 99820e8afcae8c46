/**
 * Checkout's side of pricing: the cart priced inside the checkout transaction, at the prices the
 * stock reservation read under its row locks, and the code used once for the order. Whatever moved
 * since the shopper's summary (a price, the code's last use, its end) is a CONFLICT carrying the
 * total the order would have now, never a silent change.
 */
import type { Address, Db } from "@shopwright/db";
import type { ReservedVariant } from "../catalog/stock.ts";
import { badRequest, conflict } from "../errors.ts";
import { formatCents } from "../lib/money.ts";
import { redeemDiscountCode } from "../pricing/discount-codes.ts";
import { type Quote, type QuoteRequest, quoteOrder } from "../pricing/quote.ts";

export interface CheckoutPricingRequest {
  /** The cart's lines in the cart's order, which decides who gets a split discount's odd cents. */
  lines: readonly { productId: string; variantId: string; quantity: number }[];
  reserved: readonly ReservedVariant[];
  address: Address;
  shippingMethodId: string | undefined;
  discountCode: string | null;
  expectedTotalCents: number | undefined;
  now: Date;
}

export interface PricedCheckout extends Quote {
  request: QuoteRequest;
}

export async function priceCheckout(tx: Db, input: CheckoutPricingRequest): Promise<PricedCheckout> {
  const prices = new Map(input.reserved.map((r) => [r.variantId, r.priceCents]));
  const request: QuoteRequest = {
    lines: input.lines.map((line) => ({
      lineId: line.variantId,
      productId: line.productId,
      unitPriceCents: prices.get(line.variantId) ?? 0,
      quantity: line.quantity,
    })),
    address: input.address,
    shippingMethodId: input.shippingMethodId,
    discountCode: input.discountCode,
    now: input.now,
  };
  const quote = await quoteOrder(tx, request);
  if (quote.shippingProblem) throw badRequest(quote.shippingProblem, { field: "shippingAddress.country" });
  const { totalCents } = quote.priced;
  if (quote.discount && !quote.discount.rule) throw codeEnded(quote.discount.code, totalCents);
  if (input.expectedTotalCents !== undefined && input.expectedTotalCents !== totalCents) {
    throw conflict("Your total changed since you last looked; check it and place the order again", { totalCents });
  }
  return { ...quote, request };
}

/**
 * Uses the order's code once, after the order row exists (the redemption references it). Losing the
 * race for a code's last use, or a second tab using a once-per-customer code first, rolls the
 * checkout back with the total it would have without the code.
 */
export async function redeemOrderCode(
  tx: Db,
  checkout: PricedCheckout,
  use: { orderId: string; userId: string | null; customerKey: string },
): Promise<void> {
  const applied = checkout.snapshot.discount;
  if (!applied) return;
  const refusal = await redeemDiscountCode(tx, { ...use, code: applied.code, now: checkout.request.now ?? new Date() });
  if (!refusal) return;
  const { totalCents } = (await quoteOrder(tx, { ...checkout.request, discountCode: null })).priced;
  if (refusal === "ended") throw codeEnded(applied.code, totalCents);
  throw conflict(`You have already used ${applied.code}; without it your total is ${formatCents(totalCents)}`, {
    totalCents,
    field: "discountCode",
  });
}

function codeEnded(code: string, totalCents: number) {
  return conflict(`${code} has ended or is used up; without it your total is ${formatCents(totalCents)}`, {
    totalCents,
    field: "discountCode",
  });
}
