/**
 * The rules a product's options and variants must meet before anything is written, as pure
 * functions returning each problem with its field's path (the shape zod's `addIssue` takes), so
 * the admin's form can show every problem at its input.
 */
import type { ProductOption, VariantOptions } from "@shopwright/db";
// The pages' and emails' wording of a combination ("Size M · Sand"), so a refusal names it alike.
import { formatVariantOptions } from "@shopwright/ui/variant-options";

/** More would make a product page and its admin grid unusable (and is never a real product). */
export const MAX_VARIANTS = 250;

export interface VariantProblem {
  path: (string | number)[];
  message: string;
}

/** Option names unique (ignoring case), each with distinct values. */
export function checkOptions(options: readonly ProductOption[]): VariantProblem[] {
  const problems: VariantProblem[] = [];
  const names = new Set<string>();
  options.forEach((option, i) => {
    const key = option.name.toLowerCase();
    if (names.has(key))
      problems.push({ path: ["options", i, "name"], message: `There are two options named ${option.name}` });
    names.add(key);
    const values = new Set<string>();
    option.values.forEach((value, j) => {
      if (values.has(value.toLowerCase())) {
        problems.push({ path: ["options", i, "values", j], message: `${option.name} lists ${value} twice` });
      }
      values.add(value.toLowerCase());
    });
  });
  return problems;
}

/**
 * Each variant names exactly the product's options, each with one of its values; no two variants
 * are the same combination; no SKU is given twice. A product without options has one variant.
 */
export function checkVariants(
  options: readonly ProductOption[],
  variants: readonly { sku: string; options: VariantOptions }[],
): VariantProblem[] {
  const problems: VariantProblem[] = [];
  if (options.length === 0 && variants.length !== 1) {
    problems.push({ path: ["variants"], message: "A product without options has exactly one variant" });
  }
  if (variants.length > MAX_VARIANTS) {
    problems.push({ path: ["variants"], message: `A product can have at most ${MAX_VARIANTS} variants` });
  }
  const combinations = new Map<string, number>();
  const skus = new Map<string, number>();
  variants.forEach((variant, i) => {
    const at = (field: string) => ["variants", i, field];
    const extra = Object.keys(variant.options).filter((name) => !options.some((o) => o.name === name));
    if (extra.length > 0) {
      problems.push({ path: at("options"), message: `The product has no option ${extra.join(", ")}` });
    }
    for (const option of options) {
      const value = variant.options[option.name];
      if (value === undefined) problems.push({ path: at("options"), message: `Choose a ${option.name.toLowerCase()}` });
      else if (!option.values.includes(value)) {
        problems.push({
          path: at("options"),
          message: `${value} is not a ${option.name.toLowerCase()} of this product (${option.values.join(", ")})`,
        });
      }
    }
    const combination = JSON.stringify(options.map((o) => variant.options[o.name] ?? null));
    const first = combinations.get(combination);
    if (first !== undefined && options.length > 0) {
      problems.push({
        path: at("options"),
        message: `Variants ${first + 1} and ${i + 1} are both ${formatVariantOptions(variant.options)}`,
      });
    } else combinations.set(combination, i);
    const sameSku = skus.get(variant.sku);
    if (sameSku !== undefined) {
      problems.push({
        path: at("sku"),
        message: `Variants ${sameSku + 1} and ${i + 1} both have the SKU ${variant.sku}`,
      });
    } else skus.set(variant.sku, i);
  });
  return problems;
}

/**
 * A new variant (no `id`) needs its stock; an existing one may leave it out to keep its live
 * stock, so a save never puts back what checkouts took since the admin's page loaded.
 */
export function checkNewVariantsStock(variants: readonly { id?: string; stock?: number }[]): VariantProblem[] {
  return variants.flatMap((variant, i) =>
    variant.id === undefined && variant.stock === undefined
      ? [{ path: ["variants", i, "stock"], message: "Give the new variant its stock" }]
      : [],
  );
}
