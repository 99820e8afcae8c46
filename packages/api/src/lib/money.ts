/**
 * Money is integer cents in one currency (USD). All arithmetic on it happens here: sums, scaling by
 * a ratio (a percentage, a tax rate) with the shop's one rounding rule, and splitting an amount over
 * weights so the parts add up to the whole.
 */
export const CURRENCY = "USD";

export function lineTotal(unitPriceCents: number, quantity: number): number {
  return unitPriceCents * quantity;
}

export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

function wholeCents(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be whole, non-negative: ${value}`);
  return BigInt(value);
}

/**
 * `cents × numerator / denominator`, rounded to the nearest cent with halves rounded up: $1.065 of
 * tax is $1.07. Half up is what tax authorities write down (US states' bracket rules, the EU's
 * commercial rounding); half to even would collect a cent less on every other exact half. Worked
 * on BigInt, so the product is exact however large, and no binary fraction ever enters a total.
 */
export function scaleCents(cents: number, numerator: number, denominator: number): number {
  const amount = wholeCents(cents, "amount");
  const n = wholeCents(numerator, "numerator");
  const d = wholeCents(denominator, "denominator");
  if (d === 0n) throw new RangeError("denominator must not be zero");
  return Number((2n * amount * n + d) / (2n * d));
}

/**
 * Splits `totalCents` over `weights` in proportion (largest remainder, Hamilton's method): each part
 * first gets its exact share rounded down, then the cents still missing, fewer than there are parts,
 * go one each to the parts with the largest remainders. So the parts always sum to the whole exactly,
 * and each lies within a cent of its exact share and between 0 and `totalCents`. When `totalCents`
 * is at most the sum of the weights, no part exceeds its own weight (a line's discount never goes
 * past its price).
 *
 * Ties between equal remainders go to the earlier part, so the same inputs always split the same
 * way; callers pass parts in a stable order (a cart's lines in the order they were added).
 * Used for a discount over lines, and later for refunds.
 */
export function allocate(totalCents: number, weights: readonly number[]): number[] {
  const total = wholeCents(totalCents, "amount");
  const w = weights.map((weight) => wholeCents(weight, "weight"));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total === 0n) return weights.map(() => 0);
    throw new RangeError(`cannot split ${totalCents} cents over weights that sum to zero`);
  }
  const shares = w.map((weight) => ({ floor: (total * weight) / sum, remainder: (total * weight) % sum }));
  const parts = shares.map((share) => Number(share.floor));
  let missing = totalCents - sumCents(parts);
  const byRemainder = shares
    .map((share, index) => ({ remainder: share.remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    parts[index]! += 1;
    missing -= 1;
  }
  return parts;
}

const formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: CURRENCY });

/** "$12.34" — for emails and anything else rendered on the server. */
export function formatCents(cents: number): string {
  return formatter.format(cents / 100);
}
