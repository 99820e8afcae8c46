/**
 * A discount code's fields, new or edited. Amounts are typed in dollars and sent in cents; a
 * percentage is sent as typed. The server runs the pricing rules and its refusals land on their
 * fields; only what the browser can tell for sure (a number that is not one) is checked here.
 */
import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError, SelectField, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { centsToDollars, parseDollars } from "@shopwright/ui/money";
import type { CategoryOption } from "../../lib/categories.ts";
import { indented } from "../../lib/categories.ts";
import type { DiscountCode } from "../../lib/types.ts";
import styles from "./pricing.module.css";

export interface DiscountInput {
  code: string;
  kind: DiscountCode["kind"];
  value: number;
  categoryId: string | null;
  minSubtotalCents: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  oncePerCustomer: boolean;
}

/** "2027-03-01" as the start of that day in UTC: the shop's times are UTC. */
const day = (text: string) => (text ? new Date(`${text}T00:00:00Z`) : null);
const dayText = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");
const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

function read(data: FormData): DiscountInput {
  const kind = text(data, "kind") === "fixed" ? "fixed" : "percent";
  const value = text(data, "value");
  const minimum = text(data, "minSubtotalCents");
  const limit = text(data, "usageLimit");
  return {
    code: text(data, "code"),
    kind,
    value: kind === "fixed" ? (parseDollars(value) ?? Number.NaN) : Number(value),
    categoryId: text(data, "categoryId") || null,
    minSubtotalCents: minimum ? (parseDollars(minimum) ?? Number.NaN) : null,
    startsAt: day(text(data, "startsAt")),
    endsAt: day(text(data, "endsAt")),
    usageLimit: limit ? Number(limit) : null,
    oncePerCustomer: data.get("oncePerCustomer") === "on",
  };
}

function validate(data: FormData): Record<string, string> {
  const input = read(data);
  const errors: Record<string, string> = {};
  if (!input.code) errors.code = "Enter the code shoppers will type";
  if (!Number.isFinite(input.value)) {
    errors.value = input.kind === "fixed" ? "Enter an amount, such as 5.00" : "Enter a whole percentage, such as 10";
  }
  if (input.minSubtotalCents !== null && !Number.isFinite(input.minSubtotalCents)) {
    errors.minSubtotalCents = "Enter an amount, such as 50.00";
  }
  if (input.usageLimit !== null && !Number.isInteger(input.usageLimit)) errors.usageLimit = "Enter a whole number";
  return errors;
}

export function DiscountForm({
  code,
  categories,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  /** The code being edited; absent for a new one. */
  code?: DiscountCode;
  categories: readonly CategoryOption[];
  pending: boolean;
  error: unknown;
  onSubmit: (input: DiscountInput) => void;
  onCancel?: () => void;
}) {
  const form = useForm({ validate, server: formErrors(error) });
  return (
    <form className={styles.form} {...form.props((data) => onSubmit(read(data)))}>
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField
        label="Code"
        name="code"
        defaultValue={code?.code}
        hint="Letters, digits and dashes; case and spaces are ignored"
        autoCapitalize="characters"
        error={form.error("code")}
      />
      <SelectField label="Kind" name="kind" defaultValue={code?.kind ?? "percent"} error={form.error("kind")}>
        <option value="percent">Percentage off</option>
        <option value="fixed">Amount off</option>
      </SelectField>
      <TextField
        label="Value"
        name="value"
        inputMode="decimal"
        hint="A whole percentage (10), or dollars (5.00)"
        defaultValue={code ? (code.kind === "fixed" ? centsToDollars(code.value) : String(code.value)) : ""}
        error={form.error("value")}
      />
      <SelectField
        label="Applies to"
        name="categoryId"
        defaultValue={code?.categoryId ?? ""}
        error={form.error("categoryId")}
      >
        <option value="">The whole order</option>
        {categories.map((option) => (
          <option key={option.id} value={option.id}>
            {indented(option)}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Minimum subtotal (optional)"
        name="minSubtotalCents"
        inputMode="decimal"
        defaultValue={code?.minSubtotalCents == null ? "" : centsToDollars(code.minSubtotalCents)}
        error={form.error("minSubtotalCents")}
      />
      <TextField
        label="Starts (optional, UTC)"
        name="startsAt"
        type="date"
        defaultValue={dayText(code?.startsAt)}
        error={form.error("startsAt")}
      />
      <TextField
        label="Ends (optional, UTC)"
        name="endsAt"
        type="date"
        defaultValue={dayText(code?.endsAt)}
        error={form.error("endsAt")}
      />
      <TextField
        label="Usage limit (optional)"
        name="usageLimit"
        inputMode="numeric"
        defaultValue={code?.usageLimit ?? ""}
        error={form.error("usageLimit")}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" name="oncePerCustomer" defaultChecked={code?.oncePerCustomer ?? false} />
        Once per customer
      </label>
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {code ? "Save code" : "Create code"}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
