/**
 * The product editor's options and variants as the admin edits them, before they are saved: pure
 * functions over plain rows, kept apart from the grid's markup. Prices and stock are held as
 * typed (text) until saving, so a half-typed "12." is not lost on the next render.
 */
import { centsToDollars, parseDollars } from "@shopwright/ui/money";

export interface ProductOption {
  name: string;
  values: string[];
}

export type VariantStatus = "active" | "archived";

export interface VariantRow {
  /** The saved variant's id, or a key of the form's own for one not saved yet. */
  key: string;
  id?: string;
  sku: string;
  options: Record<string, string>;
  price: string;
  stock: string;
  status: VariantStatus;
}

export interface SavedVariant {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceCents: number;
  stock: number;
  status: VariantStatus;
}

export const rowOf = (variant: SavedVariant): VariantRow => ({
  key: variant.id,
  id: variant.id,
  sku: variant.sku,
  options: variant.options,
  price: centsToDollars(variant.priceCents),
  stock: String(variant.stock),
  status: variant.status,
});

/** The same combination whatever the order of its keys. */
export const combinationKey = (options: readonly ProductOption[], combination: Record<string, string>) =>
  JSON.stringify(options.map((option) => combination[option.name] ?? null));

/** Every combination of the options' values, in the options' order ({} for a product without options). */
export function combinations(options: readonly ProductOption[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (partial, option) =>
      partial.flatMap((combination) => option.values.map((value) => ({ ...combination, [option.name]: value }))),
    [{}],
  );
}

/** The combinations no row (active or archived) holds yet: what adding a value offers to create. */
export function missingCombinations(options: readonly ProductOption[], rows: readonly VariantRow[]) {
  const held = new Set(rows.map((row) => combinationKey(options, row.options)));
  return combinations(options).filter((combination) => !held.has(combinationKey(options, combination)));
}

/** A SKU to start from: the product's slug and the values, upper-case ("LINEN-SHIRT-M-SAND"). */
export function suggestedSku(base: string, combination: Record<string, string>): string {
  return [base, ...Object.values(combination)]
    .join("-")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

let newKeys = 0;
/** Rows for new variants, priced like the product's cheapest and with no stock until the admin says. */
export function newRows(
  combinationsToAdd: readonly Record<string, string>[],
  base: string,
  price: string,
): VariantRow[] {
  return combinationsToAdd.map((options) => ({
    key: `new-${++newKeys}`,
    sku: suggestedSku(base, options),
    options,
    price,
    stock: "0",
    status: "active",
  }));
}

/** An edit to the options, or why it is refused, in words. */
export type Refusable<T> = ({ ok: true } & T) | { ok: false; problem: string };

/** A value added to an option; refused in words when blank or already there (whatever its case). */
export function addValue(
  options: readonly ProductOption[],
  name: string,
  typed: string,
): Refusable<{ options: ProductOption[] }> {
  const value = typed.trim();
  const option = options.find((candidate) => candidate.name === name);
  if (!value) return { ok: false, problem: "Type a value to add" };
  if (option?.values.some((existing) => existing.toLowerCase() === value.toLowerCase())) {
    return { ok: false, problem: `${name} already has ${value}` };
  }
  return {
    ok: true,
    options: options.map((candidate) =>
      candidate.name === name ? { ...candidate, values: [...candidate.values, value] } : candidate,
    ),
  };
}

/**
 * A new option, its values typed as "S, M, L". Every existing variant takes its first value, so a
 * simple product's one variant (its stock, its orders) becomes the first combination rather than
 * being lost; the other combinations are then offered as new variants.
 */
export function addOption(
  options: readonly ProductOption[],
  rows: readonly VariantRow[],
  typedName: string,
  typedValues: string,
): Refusable<{ options: ProductOption[]; rows: VariantRow[] }> {
  const name = typedName.trim();
  const values = [
    ...new Set(
      typedValues
        .split(",")
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
  if (!name) return { ok: false, problem: "Name the option, such as Size" };
  if (options.some((option) => option.name.toLowerCase() === name.toLowerCase())) {
    return { ok: false, problem: `There is already an option called ${name}` };
  }
  const first = values[0];
  if (first === undefined) return { ok: false, problem: "Give at least one value, such as S, M, L" };
  return {
    ok: true,
    options: [...options, { name, values }],
    rows: rows.map((row) => ({ ...row, options: { ...row.options, [name]: first } })),
  };
}

/**
 * A value taken off an option, with the unsaved rows that used it. A value a saved variant uses
 * stays: that variant may be in orders, so it is archived instead, not made to lose its options.
 */
export function removeValue(
  options: readonly ProductOption[],
  rows: readonly VariantRow[],
  name: string,
  value: string,
): Refusable<{ options: ProductOption[]; rows: VariantRow[] }> {
  const users = rows.filter((row) => row.id && row.options[name] === value);
  if (users.length > 0) {
    const count = users.length === 1 ? "1 saved variant uses" : `${users.length} saved variants use`;
    return { ok: false, problem: `${count} ${value}: archive them instead` };
  }
  return {
    ok: true,
    options: options.map((option) =>
      option.name === name ? { ...option, values: option.values.filter((existing) => existing !== value) } : option,
    ),
    rows: rows.filter((row) => row.options[name] !== value),
  };
}

export interface BulkChange {
  price?: string;
  stock?: string;
  status?: VariantStatus;
}

/** The selected rows with the change applied; the others untouched. */
export function applyToSelected(rows: readonly VariantRow[], selected: ReadonlySet<string>, change: BulkChange) {
  return rows.map((row) => (selected.has(row.key) ? { ...row, ...change } : row));
}

export type RowProblems = Partial<Record<"sku" | "priceCents" | "stock", string>>;

/** Every row's problems at once, keyed by row, in the words the server uses for the same fields. */
export function rowProblems(rows: readonly VariantRow[]): Map<string, RowProblems> {
  const skuCount = new Map<string, number>();
  for (const row of rows) {
    const sku = row.sku.trim().toUpperCase();
    skuCount.set(sku, (skuCount.get(sku) ?? 0) + 1);
  }
  const problems = new Map<string, RowProblems>();
  for (const row of rows) {
    const found: RowProblems = {};
    const sku = row.sku.trim();
    if (!sku) found.sku = "Give the variant a SKU";
    else if ((skuCount.get(sku.toUpperCase()) ?? 0) > 1) found.sku = `Another variant has SKU ${sku}`;
    const priceCents = parseDollars(row.price);
    if (priceCents === undefined) found.priceCents = "Enter a price like 12.99";
    else if (priceCents <= 0) found.priceCents = "Price must be more than 0";
    if (!/^-?\d+$/.test(row.stock.trim())) found.stock = "Enter a whole number";
    else if (Number(row.stock) < 0) found.stock = "Stock cannot be negative";
    if (Object.keys(found).length > 0) problems.set(row.key, found);
  }
  return problems;
}

const SERVER_ROW_FIELD = /^variants\.(\d+)\.(sku|priceCents|stock)$/;

/**
 * The server's field errors for the rows it was sent ("variants.3.sku"), keyed by row; `sentKeys`
 * are the rows' keys in the order they were sent.
 */
export function serverRowProblems(fields: Record<string, string>, sentKeys: readonly string[]) {
  const problems = new Map<string, RowProblems>();
  for (const [path, message] of Object.entries(fields)) {
    const match = SERVER_ROW_FIELD.exec(path);
    const key = match && sentKeys[Number(match[1])];
    if (!match || !key) continue;
    problems.set(key, { ...problems.get(key), [match[2] as keyof RowProblems]: message });
  }
  return problems;
}

/**
 * What the API takes for one row; call only once `rowProblems` has none for it. A saved variant's
 * stock is sent only when the admin changed it from `loaded` (the row as the page loaded it):
 * left out, the server keeps the live stock, so a save never puts back what shoppers bought since.
 */
export function variantInput(row: VariantRow, loaded: VariantRow | undefined) {
  const stock = Number(row.stock.trim());
  const stockChanged = !row.id || !loaded || stock !== Number(loaded.stock);
  return {
    ...(row.id ? { id: row.id } : {}),
    sku: row.sku.trim(),
    options: row.options,
    priceCents: parseDollars(row.price) ?? 0,
    ...(stockChanged ? { stock } : {}),
    status: row.status,
  };
}

/** Whether a row differs from how it was loaded (a new row always does). */
export function rowChanged(row: VariantRow, before: VariantRow | undefined): boolean {
  if (!before) return true;
  return (
    row.sku.trim() !== before.sku ||
    parseDollars(row.price) !== parseDollars(before.price) ||
    row.stock.trim() !== before.stock ||
    row.status !== before.status
  );
}
