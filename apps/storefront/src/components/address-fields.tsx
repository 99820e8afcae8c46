import { TextField } from "@shopwright/ui/field";
import type { Address } from "../lib/types.ts";
import styles from "./address-fields.module.css";

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
          error={error("postalCode")}
        />
      </div>
      <TextField
        label="Country (2-letter code)"
        name="address.country"
        autoComplete="shipping country"
        maxLength={2}
        defaultValue={value?.country ?? ""}
        error={error("country")}
      />
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
