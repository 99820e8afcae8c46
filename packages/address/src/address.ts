/**
 * A postal address as the shop keeps it, the rules it must meet, and how it is written on a
 * parcel in its country. The server validates with these rules (packages/db's `addressSchema`),
 * the storefront checks a form with the same ones before sending it, and screens and emails write
 * an address with `addressLines`, so all three agree.
 */
import { isCountryCode, postalFormat } from "./countries.ts";
import { REGIONS, regionCode } from "./regions.ts";

export interface Address {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  /** A region code where the country has regions (`REGIONS`): "CA" for California. */
  region?: string | undefined;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export type AddressField = keyof Address;

export const ADDRESS_LIMITS = { name: 200, line1: 200, line2: 200, city: 100, region: 100, postalCode: 20 } as const;

/** What the post of `country` calls a postal code, for labels and messages. */
export function postalCodeLabel(country: string): string {
  return POSTAL_LABELS[country] ?? "Postal code";
}

const POSTAL_LABELS: Record<string, string> = {
  US: "ZIP code",
  GB: "Postcode",
  AU: "Postcode",
  NZ: "Postcode",
  IE: "Eircode",
};

/** The address as stored: codes upper-cased, a UK postcode with its space, a region name as its code. */
export function normalizeAddress(address: Address): Address {
  const country = address.country.trim().toUpperCase();
  let postalCode = address.postalCode.trim().toUpperCase().replace(/\s+/g, " ");
  // The inward code is always the last three characters: "SW1A1AA" is "SW1A 1AA".
  if (country === "GB" || country === "IE") postalCode = postalCode.replace(/^(\S+?) ?(\S{3})$/, "$1 $2");
  const region = address.region?.trim() ? (regionCode(country, address.region) ?? address.region.trim()) : undefined;
  const line2 = address.line2?.trim() || undefined;
  return {
    name: address.name.trim(),
    line1: address.line1.trim(),
    ...(line2 ? { line2 } : {}),
    city: address.city.trim(),
    ...(region ? { region } : {}),
    postalCode,
    country,
  };
}

/**
 * Everything wrong with an address, at once, one sentence per field; empty when it can be shipped
 * to. Reads the address as typed (it trims and compares case-insensitively itself).
 */
export function addressProblems(typed: Address): Partial<Record<AddressField, string>> {
  const address = normalizeAddress({ ...typed, region: typed.region ?? "" });
  const problems: Partial<Record<AddressField, string>> = {};
  const required: [AddressField, string][] = [
    ["name", "Enter the recipient's name"],
    ["line1", "Enter the street address"],
    ["city", "Enter the city"],
  ];
  for (const [field, message] of required) if (!address[field]) problems[field] = message;
  for (const [field, max] of Object.entries(ADDRESS_LIMITS) as [AddressField, number][]) {
    if ((address[field]?.length ?? 0) > max) problems[field] ??= `Use at most ${max} characters`;
  }

  const known = isCountryCode(address.country);
  if (!known) problems.country = "Choose a country from the list";
  // "Postal code" reads "postal code" inside a sentence; "ZIP code" keeps its capitals.
  const label = postalCodeLabel(address.country).replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());
  if (!address.postalCode) problems.postalCode = `Enter the ${label}`;
  else if (known && !problems.postalCode) {
    const { pattern, example } = postalFormat(address.country);
    if (!pattern.test(address.postalCode)) {
      problems.postalCode = example ? `Use a ${label} like ${example}` : `Enter a valid ${label}`;
    }
  }

  const regions = REGIONS[address.country];
  if (regions) {
    if (!address.region || !regionCode(address.country, address.region)) {
      problems.region = `Choose a ${regions.label.toLowerCase()}`;
    }
  } else if (known && address.region) {
    problems.region = "Leave the region out: addresses in this country have none";
  }
  return problems;
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "United States", "United Kingdom": a country as the address's last line names it. */
export const countryName = (code: string): string => countryNames.of(code) ?? code;

/**
 * The address's lines as the post of its country reads them:
 *
 *   US, CA, AU   "San Francisco, CA 94103" / "Toronto ON M5V 2T6" / "Sydney NSW 2000"
 *   GB, IE       the town on its line, then the postcode on its own, upper-cased with its space
 *   elsewhere    "10115 Berlin": the postal code before the town, as most of Europe writes it
 *
 * then the country's name. Addresses stored before regions existed (a US address without a state)
 * are written with what they have.
 */
export function addressLines(stored: Address): string[] {
  const address = normalizeAddress(stored);
  const { city, region, postalCode, country } = address;
  const locality = (() => {
    switch (country) {
      case "US":
        return [`${[city, region].filter(Boolean).join(", ")} ${postalCode}`];
      case "CA":
      case "AU":
        return [[city, region, postalCode].filter(Boolean).join(" ")];
      case "GB":
      case "IE":
        return [city, postalCode];
      default:
        return [[postalCode, city, region].filter(Boolean).join(" ")];
    }
  })();
  return [address.name, address.line1, address.line2, ...locality, countryName(country)].filter(
    (line): line is string => Boolean(line),
  );
}
