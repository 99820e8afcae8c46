/**
 * Rounding: the same carts priced three ways, at New York's 8.875 % sales tax, each line's tax
 * rounded to the cent, halves up.
 *
 * - THE WRONG WAY, floats: dollars as JavaScript numbers and the rate as 0.08875. Neither has an
 *   exact binary form, so a tax that is exactly half a cent ($60.00 → $5.325) computes as a hair
 *   under it and rounds down: the shop under-collects, by a cent at a time.
 * - THE WRONG WAY, per total: integer cents, but the tax rounded once on the order's subtotal. The
 *   receipt still shows each line's tax (and a refund returns it), and those no longer add up to
 *   the tax charged.
 * - Shopwright: `priceOrder` — integer cents, a rate read into integer millionths, tax rounded per
 *   line, the order's tax the sum of the lines'.
 *
 * "Exact" below is the tax rule worked in integers here, independently of the shop's code.
 */
import { type PricingLine, priceOrder } from "@shopwright/api/pricing";
import type { Experiment } from "../experiment.ts";

const RATE_PERCENT = "8.875";
/** 8.875 % as the fraction 8,875 / 100,000. */
const RATE = { numerator: 8_875n, denominator: 100_000n };

/** By the book: cents × 8.875 %, rounded to the nearest cent, halves up, in integers. */
const exactTax = (cents: number) =>
  Number((2n * BigInt(cents) * RATE.numerator + RATE.denominator) / (2n * RATE.denominator));

/** THE WRONG WAY: the same rule in floating-point dollars. */
const floatTax = (dollars: number) => Math.round(dollars * 0.08875 * 100) / 100;

/** A small seeded generator (mulberry32), so every run prices the same carts. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Carts of 1–6 lines, 1–3 of each, priced as shops price: $12.00, $11.99, $11.50, or anything. */
export function* carts(count: number, seed = 2027): Generator<PricingLine[]> {
  const next = random(seed);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const price = () => {
    const dollars = between(1, 120);
    const style = next();
    if (style < 0.4) return dollars * 100;
    if (style < 0.7) return dollars * 100 - 1;
    if (style < 0.85) return dollars * 100 - 50;
    return between(100, 12_000);
  };
  for (let i = 0; i < count; i++) {
    yield Array.from({ length: between(1, 6) }, (_, n) => ({
      lineId: `line_${n}`,
      productId: `prod_${n}`,
      categoryIds: [],
      unitPriceCents: price(),
      quantity: between(1, 3),
    }));
  }
}

export interface RoundingFigures {
  carts: number;
  floats: { wrongCarts: number; wrongLines: number; centsOff: number };
  perTotal: { mismatchedCarts: number; largestGap: number; centsApart: number };
  shop: { wrongCarts: number; mismatchedCarts: number };
}

export function runRounding({ carts: count }: { carts: number }): RoundingFigures {
  const figures: RoundingFigures = {
    carts: count,
    floats: { wrongCarts: 0, wrongLines: 0, centsOff: 0 },
    perTotal: { mismatchedCarts: 0, largestGap: 0, centsApart: 0 },
    shop: { wrongCarts: 0, mismatchedCarts: 0 },
  };
  for (const lines of carts(count)) {
    const subtotals = lines.map((line) => line.unitPriceCents * line.quantity);
    const exactLineTax = subtotals.map(exactTax);
    const exactTotal = subtotals.reduce((a, b) => a + b, 0) + exactLineTax.reduce((a, b) => a + b, 0);

    let floatTotal = 0;
    subtotals.forEach((cents, i) => {
      const dollars = cents / 100;
      const tax = floatTax(dollars);
      if (Math.round(tax * 100) !== exactLineTax[i]) figures.floats.wrongLines++;
      floatTotal += dollars + tax;
    });
    const floatCents = Math.round(floatTotal * 100);
    if (floatCents !== exactTotal) figures.floats.wrongCarts++;
    figures.floats.centsOff += floatCents - exactTotal;

    const taxOnTotal = exactTax(subtotals.reduce((a, b) => a + b, 0));
    const gap = Math.abs(taxOnTotal - exactLineTax.reduce((a, b) => a + b, 0));
    if (gap > 0) figures.perTotal.mismatchedCarts++;
    figures.perTotal.largestGap = Math.max(figures.perTotal.largestGap, gap);
    figures.perTotal.centsApart += gap;

    const shop = priceOrder({
      lines,
      taxSettings: {
        pricesIncludeTax: false,
        taxShipping: false,
        rates: [{ country: "US", ratePercent: RATE_PERCENT }],
      },
      address: { country: "US" },
    });
    if (shop.totalCents !== exactTotal) figures.shop.wrongCarts++;
    if (shop.taxCents !== shop.lines.reduce((sum, line) => sum + line.taxCents, 0)) figures.shop.mismatchedCarts++;
  }
  return figures;
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const of = (n: number, total: number) => `${n.toLocaleString("en")} of ${total.toLocaleString("en")}`;

export const rounding: Experiment = {
  name: "rounding",
  summary: "floats and per-total tax rounding drift by cents; integer cents rounded per line do not",
  page: "pricing.md",
  database: false,
  async run() {
    const f = runRounding({ carts: 10_000 });
    return {
      title: `rounding: ${f.carts.toLocaleString("en")} carts at ${RATE_PERCENT} % sales tax, three ways`,
      sections: [
        {
          heading: "The wrong way: dollars as floats, the rate as 0.08875",
          rows: [
            ["carts charged another total than the rule gives", of(f.floats.wrongCarts, f.carts)],
            ["lines taxed a cent wrong", f.floats.wrongLines.toLocaleString("en")],
            ["charged short of the rule, all carts", dollars(-f.floats.centsOff)],
            [
              "$60.00 of goods: tax charged",
              `${dollars(Math.round(floatTax(60) * 100))} (exact $5.325 → ${dollars(exactTax(6000))})`,
            ],
          ],
        },
        {
          heading: "The wrong way: integer cents, tax rounded once on the order's total",
          rows: [
            ["carts whose lines' tax does not add up to the order's", of(f.perTotal.mismatchedCarts, f.carts)],
            ["largest gap in one cart", `${f.perTotal.largestGap} cents`],
            ["receipt lines vs order tax, all carts", dollars(f.perTotal.centsApart)],
            [
              "$1.40 + $2.60 + $3.40: lines' tax vs tax on $7.40",
              `${[140, 260, 340].map(exactTax).join(" + ")} vs ${exactTax(740)} cents`,
            ],
          ],
        },
        {
          heading: "Shopwright: integer cents, tax rounded per line (priceOrder)",
          rows: [
            ["carts charged another total than the rule gives", of(f.shop.wrongCarts, f.carts)],
            ["carts whose lines' tax does not add up to the order's", of(f.shop.mismatchedCarts, f.carts)],
          ],
        },
      ],
      verdict:
        `Floats charged ${of(f.floats.wrongCarts, f.carts)} carts a cent or more off, always short; rounding once on the ` +
        `total left ${of(f.perTotal.mismatchedCarts, f.carts)} receipts whose lines do not add up. ` +
        "Integer cents with one rounding per line, summed, were exact on every cart.",
    };
  },
};
