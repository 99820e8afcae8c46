/**
 * How a variant's options read to a person, on the cart, checkout, the order pages, the admin's
 * order view and the order emails alike: { Size: "M", Colour: "Sand" } → "Size M · Sand".
 *
 * A value that is a word ("Sand", "Oak", "120 cm") says what it is by itself; a code or a number
 * ("M", "XL", "42") does not, so it is led by its option's name. Free of imports, so the server's
 * emails can use it too.
 */
export type VariantOptions = Readonly<Record<string, string>>;

export const OPTIONS_SEPARATOR = " · ";

/** A value that carries a word of two lower-case letters or more reads without its option's name. */
const readsAlone = (value: string) => /\p{Ll}{2}/u.test(value);

export function formatOptionValue(name: string, value: string): string {
  return readsAlone(value) ? value : `${name} ${value}`;
}

/** Each option in the order given (the product's order of options); "" for a product without options. */
export function formatVariantOptions(options: VariantOptions | null | undefined): string {
  if (!options) return "";
  return Object.entries(options)
    .map(([name, value]) => formatOptionValue(name, value))
    .join(OPTIONS_SEPARATOR);
}

/** "Linen Shirt (Size M · Sand)": a line's name with its options, for a sentence or a label; the name alone without. */
export function nameWithOptions(name: string, options: VariantOptions | null | undefined): string {
  const formatted = formatVariantOptions(options);
  return formatted ? `${name} (${formatted})` : name;
}
