/**
 * A product's options and variants, edited together and saved together (admin.products.update
 * with `options` and `variants`): the options editor above, the grid of variants below. Every
 * row's problems show at once before anything is sent; the server's refusals land on the rows
 * they were sent for.
 */
import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError } from "@shopwright/ui/field";
import { centsToDollars, parseDollars } from "@shopwright/ui/money";
import { formatVariantOptions } from "@shopwright/ui/variant-options";
import { useState } from "react";
import { OptionsEditor } from "./options-editor.tsx";
import { VariantGrid } from "./variant-grid.tsx";
import {
  newRows,
  type ProductOption,
  rowOf,
  rowProblems,
  type SavedVariant,
  serverRowProblems,
  type VariantRow,
  variantInput,
} from "./variant-rows.ts";
import styles from "./variants-editor.module.css";

export interface VariantsInput {
  options: ProductOption[];
  variants: ReturnType<typeof variantInput>[];
}

export function VariantsEditor({
  slug,
  options: savedOptions,
  variants,
  pending,
  error,
  onSave,
}: {
  /** The product's slug, which suggested SKUs start from. */
  slug: string;
  options: readonly ProductOption[];
  variants: readonly SavedVariant[];
  pending: boolean;
  error: unknown;
  onSave: (input: VariantsInput) => void;
}) {
  const [options, setOptions] = useState<ProductOption[]>(() =>
    savedOptions.map((o) => ({ ...o, values: [...o.values] })),
  );
  const [rows, setRows] = useState<VariantRow[]>(() => variants.map(rowOf));
  // The rows as loaded, which decide whose stock the admin changed (and so is sent).
  const [loaded] = useState(() => new Map(variants.map((variant) => [variant.id, rowOf(variant)])));
  // The rows' keys in the order they were last sent, to put the server's "variants.3.sku" on its row.
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string>();

  const server = formErrors(error);
  const problems = new Map([...serverRowProblems(server.fields, sentKeys), ...rowProblems(rows)]);
  const otherServerProblems = Object.entries(server.fields)
    .filter(([path]) => !/^variants\.\d+\./.test(path))
    .map(([, message]) => message);

  // New variants start at the lowest price the product has now.
  const prices = rows.flatMap((row) => parseDollars(row.price) ?? []).filter((cents) => cents > 0);
  const startPrice = prices.length > 0 ? centsToDollars(Math.min(...prices)) : "";
  const save = () => {
    const local = rowProblems(rows);
    const [firstKey, firstProblems] = [...local][0] ?? [];
    if (firstKey && firstProblems) {
      const row = rows.find((candidate) => candidate.key === firstKey);
      const label = formatVariantOptions(row?.options) || "The variant";
      const more = local.size > 1 ? ` (and ${local.size - 1} more variant${local.size === 2 ? "" : "s"})` : "";
      return setRefusal(`${label}: ${Object.values(firstProblems)[0]}${more}. Fix them to save.`);
    }
    setRefusal(undefined);
    setSentKeys(rows.map((row) => row.key));
    onSave({ options, variants: rows.map((row) => variantInput(row, row.id ? loaded.get(row.id) : undefined)) });
  };

  return (
    <div className={styles.editor}>
      <FormError message={refusal ?? server.form ?? otherServerProblems[0]} />
      <OptionsEditor
        options={options}
        rows={rows}
        onChange={(nextOptions, nextRows) => {
          setOptions(nextOptions);
          setRows(nextRows);
        }}
        onAddMissing={(missing) => setRows([...rows, ...newRows(missing, slug, startPrice)])}
      />
      {/* A product without options has one variant, whose price and stock are the product's fields above. */}
      {options.length > 0 && (
        <>
          <VariantGrid options={options} rows={rows} problems={problems} onRows={setRows} />
          <div className={styles.actions}>
            <Button variant="primary" disabled={pending} onClick={save}>
              {pending ? "Saving…" : "Save variants"}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
