/** Money arrives as integer cents in one currency (USD); this is the one place it becomes text. */
const formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** 1999 → "$19.99". */
export function formatCents(cents: number): string {
  return formatter.format(cents / 100);
}

/** "19.99" or "19" typed by a shopper → 1999; anything that is not a non-negative amount → undefined. */
export function parseDollars(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
}
