import { describe, expect, it } from "vitest";
import { formatCents, humanize, parseDollars } from "./format.ts";

describe("money in the admin app", () => {
  it("reads dollar amounts into cents without floating-point drift", () => {
    expect(parseDollars("19.99")).toBe(1999);
    expect(parseDollars(" 0.10 ")).toBe(10);
    expect(parseDollars("12")).toBe(1200);
    expect(parseDollars("1.005")).toBeNull();
    expect(parseDollars("12,50")).toBeNull();
    // A negative amount is passed on for the server to refuse by name.
    expect(parseDollars("-3")).toBe(-300);
  });

  it("writes cents as dollars and codes as words", () => {
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(humanize("permanently_failed")).toBe("Permanently failed");
    expect(humanize("product.image_added")).toBe("Product image added");
  });
});
