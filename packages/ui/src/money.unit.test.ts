import { describe, expect, it } from "vitest";
import { centsToDollars, formatCents, parseDollars } from "./money.ts";

describe("money", () => {
  it("writes cents as US dollars", () => {
    expect(formatCents(1999)).toBe("$19.99");
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(centsToDollars(1250)).toBe("12.50");
  });

  it("reads a typed dollar amount as cents without floating-point drift", () => {
    expect(parseDollars("19.99")).toBe(1999);
    expect(parseDollars(" 20 ")).toBe(2000);
    expect(parseDollars("0.1")).toBe(10);
    expect(parseDollars(centsToDollars(1005))).toBe(1005);
  });

  it("reads a sign but refuses anything that is not a plain amount", () => {
    expect(parseDollars("-3")).toBe(-300);
    for (const text of ["", "ten", "1.999", "12,50", "$5", "1e3", "--1"]) expect(parseDollars(text)).toBeUndefined();
  });
});
