/**
 * The shop's tax: whether shelf prices include it, whether shipping is taxed, and one rate per
 * country (or per region, where a country taxes by region). Saved whole; a refused rate is
 * named on its own row.
 */
import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Loading } from "../../components/layout.tsx";
import { Card, LoadError, Notice, PageHeader } from "../../components/page.tsx";
import { trpc } from "../../lib/api.ts";
import type { TaxSettings } from "../../lib/types.ts";
import styles from "./pricing.module.css";

export function TaxesPage() {
  const settings = useQuery(trpc.admin.taxes.get.queryOptions());
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <>
      <PageHeader
        title="Taxes"
        subtitle="An address takes its region's rate where one is set, else its country's; elsewhere no tax is charged."
      />
      <Card title="Tax settings">
        <TaxForm settings={settings.data} />
      </Card>
    </>
  );
}

let nextKey = 0;
const keyed = (rate: TaxSettings["rates"][number]) => ({ ...rate, key: nextKey++ });

function TaxForm({ settings }: { settings: TaxSettings }) {
  const queryClient = useQueryClient();
  const [rates, setRates] = useState(() => settings.rates.map(keyed));
  const save = useMutation(
    trpc.admin.taxes.update.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.admin.taxes.get.queryKey(), saved),
    }),
  );
  const form = useForm({ server: formErrors(save.error) });
  const submit = (data: FormData) =>
    save.mutate({
      pricesIncludeTax: data.get("pricesIncludeTax") === "on",
      taxShipping: data.get("taxShipping") === "on",
      rates: rates.map((_, i) => ({
        country: String(data.get(`rates.${i}.country`) ?? ""),
        region: String(data.get(`rates.${i}.region`) ?? "") || null,
        ratePercent: String(data.get(`rates.${i}.ratePercent`) ?? ""),
      })),
    });
  return (
    <form className={styles.form} {...form.props(submit)}>
      {save.isSuccess && <Notice tone="success">Tax settings saved.</Notice>}
      <FormError message={form.formError} onRetry={form.retry} />
      <label className={styles.checkbox}>
        <input type="checkbox" name="pricesIncludeTax" defaultChecked={settings.pricesIncludeTax} />
        Prices include tax (the shelf price is what the shopper pays)
      </label>
      <label className={styles.checkbox}>
        <input type="checkbox" name="taxShipping" defaultChecked={settings.taxShipping} />
        Charge tax on shipping
      </label>
      <fieldset className={styles.rows}>
        <legend className={styles.legend}>Rates</legend>
        {rates.map((rate, i) => (
          <div key={rate.key} className={styles.row}>
            <TextField
              label="Country"
              name={`rates.${i}.country`}
              defaultValue={rate.country}
              hint="Two letters, such as US"
              autoCapitalize="characters"
              error={form.error(`rates.${i}.country`)}
            />
            <TextField
              label="Region (optional)"
              name={`rates.${i}.region`}
              defaultValue={rate.region ?? ""}
              hint="Such as NY"
              autoCapitalize="characters"
              error={form.error(`rates.${i}.region`)}
            />
            <TextField
              label="Rate (%)"
              name={`rates.${i}.ratePercent`}
              defaultValue={rate.ratePercent}
              inputMode="decimal"
              error={form.error(`rates.${i}.ratePercent`)}
            />
            <Button size="small" onClick={() => setRates(rates.filter((r) => r.key !== rate.key))}>
              Remove rate
            </Button>
          </div>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button onClick={() => setRates([...rates, keyed({ country: "", region: null, ratePercent: "" })])}>
          Add a rate
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save tax settings
        </Button>
      </div>
    </form>
  );
}
