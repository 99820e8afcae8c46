import { describe, expect, it } from "vitest";
import { humanize } from "./humanize.ts";

describe("humanize", () => {
  it("writes codes as words", () => {
    expect(humanize("permanently_failed")).toBe("Permanently failed");
    expect(humanize("product.image_added")).toBe("Product image added");
  });
});
