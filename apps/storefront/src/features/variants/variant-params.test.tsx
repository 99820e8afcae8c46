import { describe, expect, it } from "vitest";
import { choiceSearch, optionParam, readChoice, withChoice } from "./variant-params.ts";

const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Frame colour", values: ["Black", "Sand"] },
];

describe("the choice in the address", () => {
  it("names each parameter after its option", () => {
    expect(optionParam("Size")).toBe("size");
    expect(optionParam(" Frame colour ")).toBe("frame-colour");
  });

  it("round-trips a choice through the query string, keeping other parameters", () => {
    const params = withChoice(new URLSearchParams("ref=mail"), options, { Size: "M", "Frame colour": "Sand" });
    expect(params.toString()).toBe("ref=mail&size=M&frame-colour=Sand");
    expect(readChoice(options, new URLSearchParams(params.toString()))).toEqual({ Size: "M", "Frame colour": "Sand" });
  });

  it("reads a hand-typed value whatever its case, and ignores values the product does not have", () => {
    expect(readChoice(options, new URLSearchParams("size=m&frame-colour=purple"))).toEqual({ Size: "M" });
  });

  it("takes a cleared option out of the address", () => {
    const params = withChoice(new URLSearchParams("size=M&frame-colour=Sand"), options, { Size: "M" });
    expect(params.toString()).toBe("size=M");
  });
});

describe("a variant's link", () => {
  it("opens its page with its options chosen, and a simple product's page as it is", () => {
    expect(choiceSearch({ Size: "M", "Frame colour": "Sand" })).toBe("?size=M&frame-colour=Sand");
    expect(readChoice(options, new URLSearchParams(choiceSearch({ Size: "M", "Frame colour": "Sand" })))).toEqual({
      Size: "M",
      "Frame colour": "Sand",
    });
    expect(choiceSearch({})).toBe("");
  });
});
