import { describe, expect, it } from "vitest";
import { formatCents, parseDollars } from "./money.ts";

describe("money", () => {
  it("formats cents as US dollars", () => {
    expect(formatCents(1999)).toBe("$19.99");
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(123456789)).toBe("$1,234,567.89");
  });

  it("reads a typed amount in dollars as cents, rejecting anything else", () => {
    expect(parseDollars("19.99")).toBe(1999);
    expect(parseDollars(" 20 ")).toBe(2000);
    expect(parseDollars("0.1")).toBe(10);
    expect(parseDollars("")).toBeUndefined();
    expect(parseDollars("-5")).toBeUndefined();
    expect(parseDollars("1.999")).toBeUndefined();
    expect(parseDollars("ten")).toBeUndefined();
  });
});
