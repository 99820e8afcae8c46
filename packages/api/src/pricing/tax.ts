/**
 * Tax rates and the tax on one amount. A rate is written as a decimal percentage ("8.875") and held
 * as an integer number of millionths (8.875 % is 88,750 ppm), so the arithmetic never meets a
 * binary fraction: 0.08875 has no exact double, so $60.00 × 0.08875 computes as 5.3249999… and
 * rounds to $5.32, where the exact $5.325 rounds to $5.33.
 */
import { scaleCents } from "../lib/money.ts";

export interface TaxRate {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** The subdivision's code where the country taxes by region (a US state: "NY"); else absent. */
  region?: string | null;
  /** A decimal percentage with at most four decimals: "20", "8.875". */
  ratePercent: string;
}

export interface TaxSettings {
  /** EU style: shelf prices are what the shopper pays, the tax is the part inside them. */
  pricesIncludeTax: boolean;
  taxShipping: boolean;
  rates: readonly TaxRate[];
}

export interface TaxAddress {
  country: string;
  region?: string | null;
}

/** The most decimals a rate may have: combined US rates reach three (8.875 %); a fourth leaves room. */
export const RATE_DECIMALS = 4;
const PPM_PER_PERCENT = 10 ** RATE_DECIMALS;
const WHOLE_PPM = 100 * PPM_PER_PERCENT;

export type RateReading = { ppm: number } | { problem: string };

/** A rate as the admin typed it, read into millionths, or what is wrong with it in words. */
export function readRatePercent(text: string): RateReading {
  const trimmed = text.trim();
  if (trimmed.startsWith("-")) return { problem: "A tax rate cannot be negative" };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { problem: "Enter the rate as a percentage, such as 8.875" };
  const [, whole = "", decimals = ""] = match;
  if (decimals.length > RATE_DECIMALS) return { problem: `Use at most ${RATE_DECIMALS} decimal places` };
  const ppm = Number(whole) * PPM_PER_PERCENT + Number(decimals.padEnd(RATE_DECIMALS, "0"));
  if (ppm > WHOLE_PPM) return { problem: "A tax rate cannot be above 100 %" };
  return { ppm };
}

/** Millionths written back as the admin types a rate: 88,750 → "8.875", 200,000 → "20". */
export function formatRatePpm(ppm: number): string {
  const whole = Math.floor(ppm / PPM_PER_PERCENT);
  const decimals = String(ppm % PPM_PER_PERCENT)
    .padStart(RATE_DECIMALS, "0")
    .replace(/0+$/, "");
  return decimals ? `${whole}.${decimals}` : String(whole);
}

/** A stored rate in millionths; stored rates were checked when saved, so a bad one is a defect. */
export function ratePpm(ratePercent: string): number {
  const reading = readRatePercent(ratePercent);
  if ("problem" in reading) throw new RangeError(`tax rate "${ratePercent}": ${reading.problem}`);
  return reading.ppm;
}

/**
 * The rate for an address: its region's rate where one is set, else its country's, else none (the
 * shop collects no tax there: exports, or a country the merchant is not registered in).
 */
export function taxRateFor(rates: readonly TaxRate[], address: TaxAddress): TaxRate | null {
  const inCountry = rates.filter((rate) => rate.country === address.country);
  const regional = address.region ? inCountry.find((rate) => rate.region === address.region) : undefined;
  return regional ?? inCountry.find((rate) => !rate.region) ?? null;
}

/** Whether an address in `country` must name its region: the merchant taxes that country by region. */
export function regionRequired(rates: readonly TaxRate[], country: string): boolean {
  return rates.some((rate) => rate.country === country && Boolean(rate.region));
}

/**
 * The tax on one amount, rounded to the cent, halves up. Added: `cents × r / 100`. Included (the
 * amount is a gross price): the part of it that is tax, `cents × r / (100 + r)`.
 */
export function taxOn(cents: number, ppm: number, included: boolean): number {
  return scaleCents(cents, ppm, included ? WHOLE_PPM + ppm : WHOLE_PPM);
}
