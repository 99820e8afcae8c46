/** The shapes of a product's options and a variant's choice of them, stored as JSON on both dialects. */
import type { VariantStatus } from "../enums.ts";

/** One option of a product, e.g. `{ name: "Size", values: ["S", "M", "L"] }`. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** A variant's value for each of its product's options, e.g. `{ Size: "M", Colour: "Sand" }`. */
export type VariantOptions = Record<string, string>;

/**
 * What a product's `optionValues` holds: each value one of its variants for sale has, in the
 * product's order of options and values, space separated ("M L Sand"). Search finds the product
 * by these words; the seed and every variant write store them through this one function.
 */
export function optionValuesText(
  options: readonly ProductOption[],
  variants: readonly { options: VariantOptions; status: VariantStatus }[],
): string {
  const forSale = variants.filter((v) => v.status === ("active" satisfies VariantStatus));
  return options
    .flatMap((option) => option.values.filter((value) => forSale.some((v) => v.options[option.name] === value)))
    .join(" ");
}
