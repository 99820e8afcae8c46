import { type Address, addressProblems, countryName, postalCodeLabel, REGIONS } from "@shopwright/client/address";
import { SelectField, TextField } from "@shopwright/ui/field";
import type { FieldErrors } from "@shopwright/ui/form";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { trpc } from "../lib/api.ts";
import styles from "./address-fields.module.css";

export const DEFAULT_COUNTRY = "US";
/** The inputs' names: the API's path of each field, so the server's field errors land on them. */
const PREFIX = "shippingAddress";

/** The countries the shop ships to (the server's list), named in the shopper's words, A to Z. */
export function useCountries() {
  const countries = useQuery({ ...trpc.orders.shippingCountries.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  return useMemo(
    () =>
      (countries.data ?? [])
        .map((c) => ({ ...c, name: countryName(c.code) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [countries.data],
  );
}

/**
 * The shipping-address inputs, laid out for the chosen country: a region where its post needs one
 * (a US state), its word for the postal code ("ZIP code", "Postcode") and an example of it.
 */
/** Where an address goes: what shipping and tax depend on, known before the rest is typed. */
export interface Destination {
  country: string;
  region?: string;
}

export function AddressFields({
  value,
  error,
  onDestination,
}: {
  value: Partial<Address> | null | undefined;
  error: (name: string) => string | undefined;
  /** Told when the country or region changes, so checkout can price delivery and tax at once. */
  onDestination?: (destination: Destination) => void;
}) {
  const countries = useCountries();
  const [country, setCountry] = useState(value?.country ?? DEFAULT_COUNTRY);
  const example = countries.find((c) => c.code === country)?.postalCodeExample;
  const regions = REGIONS[country];
  const field = (name: keyof Address) => ({ name: `${PREFIX}.${name}`, error: error(`${PREFIX}.${name}`) });
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Shipping address</legend>
      <TextField label="Full name" autoComplete="shipping name" defaultValue={value?.name ?? ""} {...field("name")} />
      {/* First: the fields below follow its conventions (a state, a ZIP code). */}
      <SelectField
        label="Country"
        autoComplete="shipping country"
        value={country}
        onChange={(event) => {
          setCountry(event.target.value);
          onDestination?.({ country: event.target.value });
        }}
        {...field("country")}
      >
        {countries.length === 0 && <option value={country}>{countryName(country)}</option>}
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Address"
        autoComplete="shipping address-line1"
        defaultValue={value?.line1 ?? ""}
        {...field("line1")}
      />
      <TextField
        label="Apartment, suite (optional)"
        autoComplete="shipping address-line2"
        defaultValue={value?.line2 ?? ""}
        {...field("line2")}
      />
      <div className={styles.row}>
        <TextField
          label="City"
          autoComplete="shipping address-level2"
          defaultValue={value?.city ?? ""}
          {...field("city")}
        />
        {regions && (
          <SelectField
            // A new country's list starts unchosen, not on the old country's region.
            key={country}
            label={regions.label}
            autoComplete="shipping address-level1"
            defaultValue={value?.country === country ? (value.region ?? "") : ""}
            onChange={(event) => onDestination?.({ country, region: event.target.value || undefined })}
            {...field("region")}
          >
            <option value="">Choose…</option>
            {Object.entries(regions.regions).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={postalCodeLabel(country)}
          autoComplete="shipping postal-code"
          defaultValue={value?.postalCode ?? ""}
          hint={example ? `For example ${example}` : undefined}
          {...field("postalCode")}
        />
      </div>
    </fieldset>
  );
}

/** The address as typed; empty optional parts are left out rather than sent as "". */
export function readAddress(form: FormData): Address {
  const text = (name: string) => String(form.get(`${PREFIX}.${name}`) ?? "").trim();
  const [line2, region] = [text("line2"), text("region")];
  return {
    name: text("name"),
    line1: text("line1"),
    ...(line2 ? { line2 } : {}),
    city: text("city"),
    ...(region ? { region } : {}),
    postalCode: text("postalCode"),
    country: text("country").toUpperCase(),
  };
}

/** The server's own address rules, checked before sending, keyed like the inputs. */
export function addressErrors(form: FormData): FieldErrors {
  return Object.fromEntries(
    Object.entries(addressProblems(readAddress(form))).map(([name, message]) => [`${PREFIX}.${name}`, message]),
  );
}
