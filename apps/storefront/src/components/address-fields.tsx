import { SelectField, TextField } from "@shopwright/ui/field";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { trpc } from "../lib/api.ts";
import type { Address } from "../lib/types.ts";
import styles from "./address-fields.module.css";

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
const DEFAULT_COUNTRY = "US";

/** The countries the shop ships to (the server's list), named in the shopper's words, A to Z. */
export function useCountries() {
  const countries = useQuery({ ...trpc.orders.shippingCountries.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  return useMemo(
    () =>
      (countries.data ?? [])
        .map((c) => ({ ...c, name: countryNames.of(c.code) ?? c.code }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [countries.data],
  );
}

/**
 * The postal code's format for a country, mirrored from the server so the shopper sees it before
 * submitting; the server decides.
 */
export function postalCodeProblem(
  countries: { code: string; postalCodePattern: string; postalCodeExample: string | null }[],
  address: Address,
): string | undefined {
  const country = countries.find((c) => c.code === address.country);
  if (!country || !address.postalCode) return undefined;
  if (new RegExp(country.postalCodePattern, "i").test(address.postalCode)) return undefined;
  return country.postalCodeExample
    ? `Use a postal code like ${country.postalCodeExample}`
    : "Enter a valid postal code";
}

/** The shipping-address inputs, named as the API names them; errors keyed "<prefix>.<field>". */
export function AddressFields({
  value,
  errors,
  prefix,
}: {
  value: Partial<Address> | null | undefined;
  errors: Record<string, string>;
  prefix: string;
}) {
  const error = (field: keyof Address) => errors[`${prefix}.${field}`];
  const countries = useCountries();
  const [country, setCountry] = useState(value?.country ?? DEFAULT_COUNTRY);
  const example = countries.find((c) => c.code === country)?.postalCodeExample;
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Shipping address</legend>
      <TextField
        label="Full name"
        name="address.name"
        autoComplete="shipping name"
        defaultValue={value?.name ?? ""}
        error={error("name")}
      />
      <TextField
        label="Address"
        name="address.line1"
        autoComplete="shipping address-line1"
        defaultValue={value?.line1 ?? ""}
        error={error("line1")}
      />
      <TextField
        label="Apartment, suite (optional)"
        name="address.line2"
        autoComplete="shipping address-line2"
        defaultValue={value?.line2 ?? ""}
        error={error("line2")}
      />
      <div className={styles.row}>
        <TextField
          label="City"
          name="address.city"
          autoComplete="shipping address-level2"
          defaultValue={value?.city ?? ""}
          error={error("city")}
        />
        <TextField
          label="Postal code"
          name="address.postalCode"
          autoComplete="shipping postal-code"
          defaultValue={value?.postalCode ?? ""}
          hint={example ? `For example ${example}` : undefined}
          error={error("postalCode")}
        />
      </div>
      <SelectField
        label="Country"
        name="address.country"
        autoComplete="shipping country"
        value={country}
        onChange={(event) => setCountry(event.target.value)}
        error={error("country")}
      >
        {countries.length === 0 && <option value={country}>{countryNames.of(country) ?? country}</option>}
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

/** The address as typed; an empty optional line is left out rather than sent as "". */
export function readAddress(form: FormData): Address {
  const text = (field: string) => String(form.get(`address.${field}`) ?? "").trim();
  const line2 = text("line2");
  return {
    name: text("name"),
    line1: text("line1"),
    ...(line2 ? { line2 } : {}),
    city: text("city"),
    postalCode: text("postalCode"),
    country: text("country").toUpperCase(),
  };
}
