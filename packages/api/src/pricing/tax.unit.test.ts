import { describe, expect, it } from "vitest";
import { formatRatePpm, ratePpm, readRatePercent, regionRequired, type TaxRate, taxOn, taxRateFor } from "./tax.ts";

describe("readRatePercent", () => {
  it("reads a decimal percentage into millionths, never through a float", () => {
    expect(readRatePercent("8.875")).toEqual({ ppm: 88_750 });
    expect(readRatePercent("20")).toEqual({ ppm: 200_000 });
    expect(readRatePercent(" 7.25 ")).toEqual({ ppm: 72_500 });
    expect(readRatePercent("0")).toEqual({ ppm: 0 });
    expect(readRatePercent("100")).toEqual({ ppm: 1_000_000 });
    expect(readRatePercent("0.0001")).toEqual({ ppm: 1 });
  });

  it("says what is wrong with a rate that is not one", () => {
    expect(readRatePercent("-5")).toEqual({ problem: "A tax rate cannot be negative" });
    expect(readRatePercent("100.0001")).toEqual({ problem: "A tax rate cannot be above 100 %" });
    expect(readRatePercent("250")).toEqual({ problem: "A tax rate cannot be above 100 %" });
    expect(readRatePercent("8.87501")).toEqual({ problem: "Use at most 4 decimal places" });
    for (const text of ["8,875", "", "abc", "1e2", "8.", ".5", "8 %"]) {
      expect(readRatePercent(text)).toEqual({ problem: "Enter the rate as a percentage, such as 8.875" });
    }
    expect(() => ratePpm("abc")).toThrow(RangeError);
  });

  it("writes a stored rate back as the admin typed it", () => {
    for (const text of ["8.875", "20", "0", "100", "0.0001", "7.25"]) expect(formatRatePpm(ratePpm(text))).toBe(text);
  });
});

describe("taxOn", () => {
  const ny = ratePpm("8.875");

  it("rounds each amount's tax to the cent, halves up", () => {
    // $12.00 × 8.875 % = $1.065 → $1.07 (half to even would make it $1.06).
    expect(taxOn(1200, ny, false)).toBe(107);
    // $60.00 × 8.875 % = $5.325 → $5.33; in floating point, 60 × 0.08875 is 5.3249999… and rounds to $5.32.
    expect(taxOn(6000, ny, false)).toBe(533);
    expect(Math.round(60 * 0.08875 * 100)).toBe(532);
    expect(taxOn(599, ny, false)).toBe(53);
  });

  it("takes the tax out of a price that includes it", () => {
    const vat = ratePpm("20");
    // A sixth of the price: $48.00 holds $8.00 of VAT; $8.99 holds $1.4983 → $1.50.
    expect(taxOn(4800, vat, true)).toBe(800);
    expect(taxOn(899, vat, true)).toBe(150);
    expect(taxOn(4800, ratePpm("19"), true)).toBe(766);
    expect(taxOn(4800, 0, true)).toBe(0);
  });
});

describe("taxRateFor", () => {
  const rates: TaxRate[] = [
    { country: "US", region: "NY", ratePercent: "8.875" },
    { country: "US", ratePercent: "5" },
    { country: "DE", ratePercent: "19" },
  ];

  it("takes the region's rate, else the country's, else none", () => {
    expect(taxRateFor(rates, { country: "US", region: "NY" })?.ratePercent).toBe("8.875");
    expect(taxRateFor(rates, { country: "US", region: "OR" })?.ratePercent).toBe("5");
    expect(taxRateFor(rates, { country: "US" })?.ratePercent).toBe("5");
    expect(taxRateFor(rates, { country: "DE", region: "BY" })?.ratePercent).toBe("19");
    expect(taxRateFor(rates, { country: "JP" })).toBeNull();
  });

  it("asks for a region where the merchant taxes by region", () => {
    expect(regionRequired(rates, "US")).toBe(true);
    expect(regionRequired(rates, "DE")).toBe(false);
    expect(regionRequired(rates, "JP")).toBe(false);
  });
});
