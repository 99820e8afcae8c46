/**
 * A shopper's choice of options lives in the product page's address (?size=m&colour=sand), so a
 * shared link opens the same variant. This module is the one translation between the two: the
 * parameter's name comes from the option's, and only values the product has are read back.
 */
import type { Choice, ProductOption } from "./variant-selection.ts";

/** "Size" → "size", "Frame colour" → "frame-colour". */
export function optionParam(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/** The choice a URL holds; a value the product does not have is ignored, and case does not matter. */
export function readChoice(options: readonly ProductOption[], params: URLSearchParams): Choice {
  const choice: Record<string, string> = {};
  for (const option of options) {
    const raw = params.get(optionParam(option.name))?.trim().toLowerCase();
    const value = raw && option.values.find((candidate) => candidate.toLowerCase() === raw);
    if (value) choice[option.name] = value;
  }
  return choice;
}

/** `params` with the choice written in (each option in the product's order) and other parameters kept. */
export function withChoice(params: URLSearchParams, options: readonly ProductOption[], choice: Choice) {
  const next = new URLSearchParams(params);
  for (const option of options) next.delete(optionParam(option.name));
  for (const option of options) {
    const value = choice[option.name];
    if (value) next.set(optionParam(option.name), value);
  }
  return next;
}

/** "?size=M&colour=Sand": the query string that opens a variant's page with its options chosen (a cart line's link). */
export function choiceSearch(choice: Choice): string {
  const params = new URLSearchParams(Object.entries(choice).map(([name, value]) => [optionParam(name), value]));
  return params.size > 0 ? `?${params}` : "";
}
