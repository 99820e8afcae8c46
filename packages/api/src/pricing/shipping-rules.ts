/** The checks on a shipping zone and its methods, before it is saved. */
import { countryName, isCountryCode } from "@shopwright/address";
import { unknownCountry } from "./countries.ts";
import { amountProblem, type Problem } from "./problems.ts";

export interface ShippingMethodInput {
  name: string;
  estimate: string;
  priceCents: number;
  freeAboveCents?: number | null;
}

export interface ShippingZoneInput {
  name: string;
  countries: readonly string[];
  methods: readonly ShippingMethodInput[];
}

/**
 * A zone names known countries, each once, none already in another of `otherZones` (the shop's
 * zones except this one), so an address always has exactly one zone; it has at least one method,
 * each with a distinct name and sane amounts.
 */
export function checkShippingZone(
  zone: ShippingZoneInput,
  otherZones: readonly { name: string; countries: readonly string[] }[],
): Problem[] {
  const problems: Problem[] = [];
  if (zone.countries.length === 0) problems.push({ path: ["countries"], message: "Add at least one country" });
  zone.countries.forEach((country, i) => {
    const path = ["countries", i];
    const other = otherZones.find((z) => z.countries.includes(country));
    if (!isCountryCode(country)) problems.push({ path, message: unknownCountry(country) });
    else if (zone.countries.indexOf(country) < i)
      problems.push({ path, message: `${countryName(country)} is listed twice` });
    else if (other) problems.push({ path, message: `${countryName(country)} is already in the zone "${other.name}"` });
  });

  if (zone.methods.length === 0) problems.push({ path: ["methods"], message: "Add at least one shipping method" });
  const names = zone.methods.map((method) => method.name.trim().toLowerCase());
  zone.methods.forEach((method, i) => {
    if (names.indexOf(names[i]!) < i) {
      problems.push({ path: ["methods", i, "name"], message: `Two methods are called "${method.name.trim()}"` });
    }
    const price = amountProblem(method.priceCents, "A price");
    if (price) problems.push({ path: ["methods", i, "priceCents"], message: price });
    const freeAbove =
      method.freeAboveCents == null ? null : amountProblem(method.freeAboveCents, "The free-shipping amount");
    if (freeAbove) problems.push({ path: ["methods", i, "freeAboveCents"], message: freeAbove });
  });
  return problems;
}
