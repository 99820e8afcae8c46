/**
 * Which variant a shopper's choice of options names, and what each other choice would lead to:
 * the product page's logic, kept apart from its markup. A choice is partial while the shopper is
 * still choosing ({ Colour: "Sand" }); it names a variant only once every option has a value.
 */
import { formatVariantOptions } from "@shopwright/ui/variant-options";

export interface ProductOption {
  name: string;
  values: readonly string[];
}

export interface ChoosableVariant {
  id: string;
  options: Readonly<Record<string, string>>;
  priceCents: number;
  stock: number;
  inStock: boolean;
}

export type Choice = Readonly<Record<string, string>>;

/** Why a value cannot be chosen with the rest of the choice; `available` when it can. */
export type ValueState = { kind: "available" } | { kind: "soldOut" } | { kind: "missing"; with: string };

export const matchesChoice = (variant: ChoosableVariant, choice: Choice) =>
  Object.entries(choice).every(([name, value]) => variant.options[name] === value);

/** The variants the choice so far still allows. */
export function variantsMatching<V extends ChoosableVariant>(variants: readonly V[], choice: Choice): V[] {
  return variants.filter((variant) => matchesChoice(variant, choice));
}

/** The option the shopper has yet to choose, first in the product's order. */
export function firstUnchosen(options: readonly ProductOption[], choice: Choice): ProductOption | undefined {
  return options.find((option) => !choice[option.name]);
}

/** The variant a complete choice names; a product without options has its one variant chosen from the start. */
export function chosenVariant<V extends ChoosableVariant>(
  options: readonly ProductOption[],
  variants: readonly V[],
  choice: Choice,
): V | undefined {
  if (firstUnchosen(options, choice)) return undefined;
  return variants.find((variant) => matchesChoice(variant, choice));
}

/** "Choose a size", "Choose an edition": what Add to cart says while an option has no value. */
export function chooseMessage(option: ProductOption): string {
  const noun = option.name.toLowerCase();
  return `Choose ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** The choice with one option set to a value (or cleared, with `undefined`), in the product's order of options. */
export function withValue(options: readonly ProductOption[], choice: Choice, name: string, value: string | undefined) {
  const next: Record<string, string> = {};
  for (const option of options) {
    const current = option.name === name ? value : choice[option.name];
    if (current) next[option.name] = current;
  }
  return next;
}

/**
 * What choosing `value` for option `name` would lead to, given the other options chosen so far:
 * no variant is made in that combination, every one it allows is sold out, or it can be bought.
 * The option's own current value is left out, so a shopper can always move between its values.
 */
export function valueState(
  options: readonly ProductOption[],
  variants: readonly ChoosableVariant[],
  choice: Choice,
  name: string,
  value: string,
): ValueState {
  const others = withValue(options, choice, name, undefined);
  const allowed = variantsMatching(variants, { ...others, [name]: value });
  if (allowed.length === 0) return { kind: "missing", with: formatVariantOptions(others) };
  return allowed.some((variant) => variant.inStock) ? { kind: "available" } : { kind: "soldOut" };
}

/** Words for a screen reader (and a tooltip) on a value that cannot be chosen. */
export function unavailableReason(state: ValueState): string | undefined {
  if (state.kind === "soldOut") return "sold out";
  if (state.kind === "missing") return state.with ? `not made in ${state.with}` : "not made";
  return undefined;
}

/** The lowest and highest price among the variants the choice still allows; null when it allows none. */
export function priceRange(variants: readonly ChoosableVariant[]): { minCents: number; maxCents: number } | null {
  if (variants.length === 0) return null;
  const prices = variants.map((variant) => variant.priceCents);
  return { minCents: Math.min(...prices), maxCents: Math.max(...prices) };
}

/**
 * The pictures to show for a choice: those of the first variant it allows that has its own
 * (so choosing a colour shows that colour before a size is chosen), else the product's.
 */
export function picturesFor<I, V extends ChoosableVariant & { images: readonly I[] }>(
  productImages: readonly I[],
  variants: readonly V[],
  choice: Choice,
): readonly I[] {
  const own = variantsMatching(variants, choice).find((variant) => variant.images.length > 0);
  return own ? own.images : productImages;
}
