import { describe, expect, it } from "vitest";
import { formatVariantOptions, nameWithOptions } from "./variant-options.ts";

describe("formatVariantOptions", () => {
  it("leads a size code with its option's name and lets a colour's word stand alone", () => {
    expect(formatVariantOptions({ Size: "M", Colour: "Sand" })).toBe("Size M · Sand");
    expect(formatVariantOptions({ Colour: "Black", Size: "XL" })).toBe("Black · Size XL");
  });

  it("names numbers, and keeps a measure that has its unit as it is", () => {
    expect(formatVariantOptions({ Size: "42" })).toBe("Size 42");
    expect(formatVariantOptions({ Width: "120 cm", Finish: "Oak" })).toBe("120 cm · Oak");
  });

  it("is empty for a product without options", () => {
    expect(formatVariantOptions({})).toBe("");
    expect(formatVariantOptions(null)).toBe("");
  });
});

describe("nameWithOptions", () => {
  it("adds the options to a line's name, and leaves a simple product's name alone", () => {
    expect(nameWithOptions("Linen Shirt", { Size: "M", Colour: "Sand" })).toBe("Linen Shirt (Size M · Sand)");
    expect(nameWithOptions("Desk Lamp", {})).toBe("Desk Lamp");
  });
});
