/** How the admin app writes money and time: US dollars from integer cents, dates in the browser's zone. */
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const formatCents = (cents: number) => money.format(cents / 100);

export const formatDateTime = (date: Date | string) => dateTime.format(new Date(date));

/** "12.5" → 1250; null for anything that is not a plain amount (a sign is left for the server to judge). */
export function parseDollars(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

export const centsToDollars = (cents: number) => (cents / 100).toFixed(2);

/** "permanently_failed" → "Permanently failed" */
export const humanize = (text: string) => {
  const spaced = text.replaceAll("_", " ").replaceAll(".", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};
