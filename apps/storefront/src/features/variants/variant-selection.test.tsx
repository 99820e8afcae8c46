import { describe, expect, it } from "vitest";
import {
  chooseMessage,
  chosenVariant,
  firstUnchosen,
  picturesFor,
  priceRange,
  unavailableReason,
  valueState,
  variantsMatching,
  withValue,
} from "./variant-selection.ts";

const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Colour", values: ["Black", "Sand"] },
];

const variant = (
  id: string,
  size: string,
  colour: string,
  priceCents: number,
  stock: number,
  images: string[] = [],
) => ({
  id,
  options: { Size: size, Colour: colour },
  priceCents,
  stock,
  inStock: stock > 0,
  images,
});

// S comes in Black only; M Sand is sold out; L costs more.
const variants = [
  variant("var_s_black", "S", "Black", 2400, 3),
  variant("var_m_black", "M", "Black", 2400, 5, ["m-black.jpg"]),
  variant("var_m_sand", "M", "Sand", 2400, 0, ["m-sand.jpg"]),
  variant("var_l_black", "L", "Black", 2800, 1),
  variant("var_l_sand", "L", "Sand", 2800, 7, ["l-sand.jpg"]),
];

describe("choosing a variant", () => {
  it("names a variant only once every option has a value", () => {
    expect(chosenVariant(options, variants, { Size: "M" })).toBeUndefined();
    expect(chosenVariant(options, variants, { Size: "L", Colour: "Sand" })?.id).toBe("var_l_sand");
    // A combination the shop does not make names nothing, even when complete.
    expect(chosenVariant(options, variants, { Size: "S", Colour: "Sand" })).toBeUndefined();
  });

  it("chooses a product's one variant when it has no options", () => {
    const only = [{ id: "var_only", options: {}, priceCents: 900, stock: 2, inStock: true }];
    expect(chosenVariant([], only, {})?.id).toBe("var_only");
  });

  it("says which option is still to choose, in the product's order and in words", () => {
    expect(firstUnchosen(options, {})?.name).toBe("Size");
    expect(firstUnchosen(options, { Size: "M" })?.name).toBe("Colour");
    expect(firstUnchosen(options, { Size: "M", Colour: "Sand" })).toBeUndefined();
    expect(chooseMessage(options[0]!)).toBe("Choose a size");
    expect(chooseMessage({ name: "Edition", values: [] })).toBe("Choose an edition");
  });

  it("keeps the choice in the product's order of options when a value changes", () => {
    expect(Object.keys(withValue(options, { Colour: "Sand" }, "Size", "M"))).toEqual(["Size", "Colour"]);
    expect(withValue(options, { Size: "M", Colour: "Sand" }, "Size", undefined)).toEqual({ Colour: "Sand" });
  });
});

describe("what each value would lead to", () => {
  it("marks a combination the shop does not make, naming what it is not made in", () => {
    const state = valueState(options, variants, { Colour: "Sand" }, "Size", "S");
    expect(state).toEqual({ kind: "missing", with: "Sand" });
    expect(unavailableReason(state)).toBe("not made in Sand");
  });

  it("marks a combination whose every variant is sold out", () => {
    const state = valueState(options, variants, { Size: "M" }, "Colour", "Sand");
    expect(state).toEqual({ kind: "soldOut" });
    expect(unavailableReason(state)).toBe("sold out");
  });

  it("judges a value against the other options only, so the shopper can switch between its values", () => {
    // Size M is chosen; S is still offered in Black, whatever size is chosen now.
    expect(valueState(options, variants, { Size: "M", Colour: "Black" }, "Size", "S")).toEqual({ kind: "available" });
    // With no colour chosen, M is available because M Black is in stock.
    expect(valueState(options, variants, {}, "Size", "M")).toEqual({ kind: "available" });
    expect(unavailableReason({ kind: "available" })).toBeUndefined();
  });
});

describe("price and pictures for a partial choice", () => {
  it("gives the range of the variants still allowed", () => {
    expect(priceRange(variantsMatching(variants, {}))).toEqual({ minCents: 2400, maxCents: 2800 });
    expect(priceRange(variantsMatching(variants, { Size: "L" }))).toEqual({ minCents: 2800, maxCents: 2800 });
    expect(priceRange(variantsMatching(variants, { Size: "S", Colour: "Sand" }))).toBeNull();
  });

  it("shows the chosen colour's pictures before a size is chosen, and the product's when a variant has none", () => {
    const product = ["product.jpg"];
    expect(picturesFor(product, variants, { Colour: "Sand" })).toEqual(["m-sand.jpg"]);
    expect(picturesFor(product, variants, { Size: "L", Colour: "Sand" })).toEqual(["l-sand.jpg"]);
    expect(picturesFor(product, variants, { Size: "S" })).toEqual(["product.jpg"]);
  });
});
