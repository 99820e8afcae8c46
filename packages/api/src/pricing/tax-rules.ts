/** The checks on the merchant's tax rates, before any is saved. */
import { countryName, isCountryCode } from "@shopwright/address";
import { unknownCountry } from "./countries.ts";
import type { Problem } from "./problems.ts";
import { readRatePercent, type TaxRate } from "./tax.ts";

/** An ISO 3166-2 subdivision's own part, as addresses write it: "NY", "QC", "BY". */
const REGION_CODE = /^[A-Z0-9]{1,3}$/;

/**
 * Each rate's country is known, its region (when given) is a subdivision code, its percentage is
 * between 0 and 100 with at most four decimals, and no place has two rates.
 */
export function checkTaxRates(rates: readonly TaxRate[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  rates.forEach((rate, i) => {
    if (!isCountryCode(rate.country)) {
      problems.push({ path: ["rates", i, "country"], message: unknownCountry(rate.country) });
    }
    if (rate.region && !REGION_CODE.test(rate.region)) {
      problems.push({ path: ["rates", i, "region"], message: "Enter the region's code, such as NY" });
    }
    const reading = readRatePercent(rate.ratePercent);
    if ("problem" in reading) problems.push({ path: ["rates", i, "ratePercent"], message: reading.problem });
    const place = rate.region ? `${countryName(rate.country)} (${rate.region})` : countryName(rate.country);
    if (seen.has(place)) problems.push({ path: ["rates", i, "country"], message: `${place} already has a rate` });
    seen.add(place);
  });
  return problems;
}
