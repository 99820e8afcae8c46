/** Money is integer cents in one currency (USD). All arithmetic on it happens here. */
export const CURRENCY = "USD";

export function lineTotal(unitPriceCents: number, quantity: number): number {
  return unitPriceCents * quantity;
}

export function sumCents(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

const formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: CURRENCY });

/** "$12.34" — for emails and anything else rendered on the server. */
export function formatCents(cents: number): string {
  return formatter.format(cents / 100);
}
