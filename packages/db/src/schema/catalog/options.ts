/** The shapes of a product's options and a variant's choice of them, stored as JSON on both dialects. */

/** One option of a product, e.g. `{ name: "Size", values: ["S", "M", "L"] }`. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** A variant's value for each of its product's options, e.g. `{ Size: "M", Colour: "Sand" }`. */
export type VariantOptions = Record<string, string>;
