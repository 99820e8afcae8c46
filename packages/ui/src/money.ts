/**
 * Money reaches the apps as integer cents in one currency (USD); this is where it becomes text,
 * and where text a person typed becomes cents again.
 */
const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** 123456 → "$1,234.56". */
export function formatCents(cents: number): string {
  return currency.format(cents / 100);
}

/** 1250 → "12.50": an amount as a person would type it into a price field. */
export function centsToDollars(cents: number): string {
  return (cents / 100).toFixed(2);
}

/**
 * What a person typed as dollars, in cents: "12.5" → 1250, " 20 " → 2000, "-3" → -300. Anything
 * that is not a plain amount with at most two decimals ("1.005", "12,50", "ten", "") → undefined.
 * A sign is read, not judged: whether a negative amount makes sense is the caller's question (the
 * admin lets the server refuse a negative price by name; the price filter ignores one).
 */
export function parseDollars(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(trimmed)) return undefined;
  // Rounded: 19.99 * 100 is 1998.9999999999998 in floating point.
  return Math.round(Number(trimmed) * 100);
}
