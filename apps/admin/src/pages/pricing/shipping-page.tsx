/**
 * Shipping zones and their methods. A zone is a set of countries (each in one zone only) and is
 * saved whole: its name, its countries, typed as codes ("US, CA"), and its methods, each a flat
 * price that can turn free above an amount and can be paused.
 */
import { errorMessage, formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { DataTable } from "@shopwright/ui/data-table";
import { FormError, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { centsToDollars, formatCents, parseDollars } from "@shopwright/ui/money";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, MainAndSide, Muted, Notice, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import type { ShippingZone } from "../../lib/types.ts";
import styles from "./pricing.module.css";

type Method = ShippingZone["methods"][number];

const methodText = (method: Method) =>
  [
    `${method.name} ${method.priceCents === 0 ? "free" : formatCents(method.priceCents)}`,
    method.freeAboveCents != null && `free from ${formatCents(method.freeAboveCents)}`,
    !method.active && "paused",
  ]
    .filter(Boolean)
    .join(", ");

export function ShippingPage() {
  const zones = useQuery(trpc.admin.shipping.listZones.queryOptions());
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ShippingZone | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.shipping.listZones.queryKey() });
  const remove = useMutation(
    trpc.admin.shipping.deleteZone.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void refresh();
      },
    }),
  );
  if (zones.isPending) return <Loading />;
  if (zones.isError) return <LoadError error={zones.error} onRetry={() => zones.refetch()} />;
  return (
    <>
      <PageHeader
        title="Shipping"
        subtitle="Shoppers see the methods of their country's zone, cheapest first; a country in no zone is not shipped to."
      />
      {remove.error && <Notice tone="error">{errorMessage(remove.error)}</Notice>}
      <MainAndSide>
        <Card title="Zones">
          <DataTable
            label="Shipping zones"
            rows={zones.data}
            rowKey={(zone) => zone.id}
            empty={<Muted>No zones yet: the shop ships nowhere.</Muted>}
            columns={[
              { header: "Zone", cell: (zone) => <strong>{zone.name}</strong> },
              { header: "Countries", cell: (zone) => zone.countries.join(", ") },
              { header: "Methods", cell: (zone) => zone.methods.map(methodText).join("; ") },
              {
                header: "Actions",
                hideHeader: true,
                shrink: true,
                cell: (zone) => (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setEditing(zone)} aria-label={`Edit ${zone.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: zone.id })}
                      aria-label={`Delete ${zone.name}`}
                    >
                      Delete
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        </Card>
        <Card title={editing ? `Edit ${editing.name}` : "New zone"}>
          <ZoneForm
            key={editing?.id ?? "new"}
            zone={editing}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </Card>
      </MainAndSide>
    </>
  );
}

interface MethodRow {
  key: number;
  id?: string;
  name: string;
  estimate: string;
  price: string;
  freeAbove: string;
  active: boolean;
}

let nextKey = 0;
const row = (method?: Method): MethodRow => ({
  key: nextKey++,
  id: method?.id,
  name: method?.name ?? "",
  estimate: method?.estimate ?? "",
  price: method ? centsToDollars(method.priceCents) : "",
  freeAbove: method?.freeAboveCents == null ? "" : centsToDollars(method.freeAboveCents),
  active: method?.active ?? true,
});

const field = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

function validate(data: FormData) {
  const errors: Record<string, string> = {};
  for (const [name, value] of data.entries()) {
    const text = String(value).trim();
    if (/\.(priceCents)$/.test(name) && parseDollars(text) === undefined) errors[name] = "Enter a price, such as 4.95";
    if (/\.(freeAboveCents)$/.test(name) && text && parseDollars(text) === undefined) {
      errors[name] = "Enter an amount, such as 50.00";
    }
  }
  return errors;
}

function ZoneForm({
  zone,
  onSaved,
  onCancel,
}: {
  zone: ShippingZone | null;
  onSaved: () => void;
  onCancel: (() => void) | undefined;
}) {
  const [methods, setMethods] = useState(() => (zone ? zone.methods.map(row) : [row()]));
  const options = { onSuccess: onSaved };
  const create = useMutation(trpc.admin.shipping.createZone.mutationOptions(options));
  const update = useMutation(trpc.admin.shipping.updateZone.mutationOptions(options));
  const save = zone ? update : create;
  const form = useForm({ validate, server: formErrors(save.error) });
  // The server names a country by its place in the list ("countries.2"); the list is one field here.
  const countriesError =
    form.error("countries") ?? Object.entries(form.errors).find(([name]) => name.startsWith("countries."))?.[1];

  const submit = (data: FormData) => {
    const input = {
      name: field(data, "name"),
      countries: field(data, "countries")
        .split(/[\s,]+/)
        .filter(Boolean),
      methods: methods.map((method, i) => {
        const freeAbove = field(data, `methods.${i}.freeAboveCents`);
        return {
          id: method.id,
          name: field(data, `methods.${i}.name`),
          estimate: field(data, `methods.${i}.estimate`),
          priceCents: parseDollars(field(data, `methods.${i}.priceCents`)) ?? 0,
          freeAboveCents: freeAbove ? (parseDollars(freeAbove) ?? null) : null,
          active: data.get(`methods.${i}.active`) === "on",
        };
      }),
    };
    if (zone) update.mutate({ id: zone.id, ...input });
    else create.mutate(input);
  };

  return (
    <form className={styles.form} {...form.props(submit)}>
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField label="Zone name" name="name" defaultValue={zone?.name} error={form.error("name")} />
      <TextField
        label="Countries"
        name="countries"
        defaultValue={zone?.countries.join(", ")}
        hint="Two-letter codes, separated by commas: US, CA"
        autoCapitalize="characters"
        error={countriesError}
      />
      <fieldset className={styles.rows}>
        <legend className={styles.legend}>Methods</legend>
        {form.error("methods") && <Notice tone="error">{form.error("methods")}</Notice>}
        {methods.map((method, i) => (
          <div key={method.key} className={styles.row}>
            <TextField
              label="Method"
              name={`methods.${i}.name`}
              defaultValue={method.name}
              error={form.error(`methods.${i}.name`)}
            />
            <TextField
              label="Delivery estimate"
              name={`methods.${i}.estimate`}
              defaultValue={method.estimate}
              hint="3–5 working days"
              error={form.error(`methods.${i}.estimate`)}
            />
            <TextField
              label="Price ($)"
              name={`methods.${i}.priceCents`}
              defaultValue={method.price}
              inputMode="decimal"
              error={form.error(`methods.${i}.priceCents`)}
            />
            <TextField
              label="Free from ($, optional)"
              name={`methods.${i}.freeAboveCents`}
              defaultValue={method.freeAbove}
              inputMode="decimal"
              error={form.error(`methods.${i}.freeAboveCents`)}
            />
            <label className={styles.checkbox}>
              <input type="checkbox" name={`methods.${i}.active`} defaultChecked={method.active} />
              Offered
            </label>
            <Button size="small" onClick={() => setMethods(methods.filter((m) => m.key !== method.key))}>
              Remove method
            </Button>
          </div>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button onClick={() => setMethods([...methods, row()])}>Add a method</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {zone ? "Save zone" : "Create zone"}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
