/** The checks an admin procedure runs on pricing settings before saving them. */
import { describe, expect, it } from "vitest";
import { checkDiscount, discountCodeProblem, normalizeDiscountCode } from "./discount-rules.ts";
import { checkShippingZone } from "./shipping-rules.ts";
import { checkTaxRates } from "./tax-rules.ts";

describe("checkTaxRates", () => {
  it("accepts rates by country and by region", () => {
    expect(
      checkTaxRates([
        { country: "DE", ratePercent: "19" },
        { country: "US", region: "NY", ratePercent: "8.875" },
        { country: "US", region: "NJ", ratePercent: "6.625" },
        { country: "GB", ratePercent: "0" },
      ]),
    ).toEqual([]);
  });

  it("names each bad rate's field: unknown country, absurd rate, bad region, a place with two rates", () => {
    expect(
      checkTaxRates([
        { country: "XX", ratePercent: "20" },
        { country: "FR", ratePercent: "120" },
        { country: "FR", ratePercent: "-1" },
        { country: "US", region: "New York", ratePercent: "8.875" },
        { country: "US", region: "NY", ratePercent: "8,875" },
        { country: "US", region: "NY", ratePercent: "4" },
      ]),
    ).toEqual([
      { path: ["rates", 0, "country"], message: '"XX" is not a country code; use two letters, such as DE' },
      { path: ["rates", 1, "ratePercent"], message: "A tax rate cannot be above 100 %" },
      { path: ["rates", 2, "ratePercent"], message: "A tax rate cannot be negative" },
      { path: ["rates", 2, "country"], message: "France already has a rate" },
      { path: ["rates", 3, "region"], message: "Enter the region's code, such as NY" },
      { path: ["rates", 4, "ratePercent"], message: "Enter the rate as a percentage, such as 8.875" },
      { path: ["rates", 5, "country"], message: "United States (NY) already has a rate" },
    ]);
  });
});

describe("checkShippingZone", () => {
  const europe = { name: "Europe", countries: ["DE", "FR"] };
  const method = { name: "Standard", estimate: "3–5 working days", priceCents: 495, freeAboveCents: 5000 };

  it("accepts a zone of known countries no other zone holds", () => {
    expect(checkShippingZone({ name: "Benelux", countries: ["BE", "NL", "LU"], methods: [method] }, [europe])).toEqual(
      [],
    );
  });

  it("refuses a country another zone holds, unknown or repeated countries, and no methods", () => {
    expect(checkShippingZone({ name: "West", countries: ["NL", "FR", "ZZ", "NL"], methods: [] }, [europe])).toEqual([
      { path: ["countries", 1], message: 'France is already in the zone "Europe"' },
      { path: ["countries", 2], message: '"ZZ" is not a country code; use two letters, such as DE' },
      { path: ["countries", 3], message: "Netherlands is listed twice" },
      { path: ["methods"], message: "Add at least one shipping method" },
    ]);
    expect(checkShippingZone({ name: "Nowhere", countries: [], methods: [method] }, [])).toEqual([
      { path: ["countries"], message: "Add at least one country" },
    ]);
  });

  it("refuses negative, fractional or absurd amounts and two methods of one name", () => {
    expect(
      checkShippingZone(
        {
          name: "Benelux",
          countries: ["BE"],
          methods: [
            { ...method, priceCents: -1 },
            { ...method, name: " standard ", priceCents: 4.5, freeAboveCents: 200_000_000 },
          ],
        },
        [],
      ),
    ).toEqual([
      { path: ["methods", 0, "priceCents"], message: "A price cannot be negative" },
      { path: ["methods", 1, "name"], message: 'Two methods are called "standard"' },
      { path: ["methods", 1, "priceCents"], message: "A price must be in whole cents" },
      { path: ["methods", 1, "freeAboveCents"], message: "The free-shipping amount cannot be above $1,000,000.00" },
    ]);
  });
});

describe("discount codes", () => {
  it("are one code whatever the case and spacing a person types", () => {
    expect(normalizeDiscountCode("  spring10 ")).toBe("SPRING10");
    expect(normalizeDiscountCode("Spring 10")).toBe("SPRING10");
    expect(normalizeDiscountCode("ＳＰＲＩＮＧ１０")).toBe("SPRING10");
    expect(normalizeDiscountCode("black-friday")).toBe("BLACK-FRIDAY");
  });

  it("hold 3 to 32 letters, digits and dashes, starting and ending with a letter or digit", () => {
    expect(discountCodeProblem("spring 10")).toBeNull();
    expect(discountCodeProblem("A1")).toBe("A code is 3 to 32 characters long");
    expect(discountCodeProblem("X".repeat(33))).toBe("A code is 3 to 32 characters long");
    expect(discountCodeProblem("SPRING_10")).toBe("A code may hold only letters A–Z, digits and dashes");
    expect(discountCodeProblem("ÉTÉ10")).toBe("A code may hold only letters A–Z, digits and dashes");
    expect(discountCodeProblem("-SPRING")).toBe("A code starts and ends with a letter or digit");
  });
});

describe("checkDiscount", () => {
  it("accepts a percentage, a fixed amount larger than most orders, and an open window", () => {
    expect(checkDiscount({ code: "spring10", kind: "percent", value: 10 })).toEqual([]);
    expect(checkDiscount({ code: "WELCOME", kind: "percent", value: 100, usageLimit: 1 })).toEqual([]);
    expect(
      checkDiscount({
        code: "BIG-50",
        kind: "fixed",
        value: 5000,
        minSubtotalCents: 0,
        startsAt: new Date("2027-03-01T00:00:00Z"),
        endsAt: new Date("2027-03-31T23:59:59Z"),
      }),
    ).toEqual([]);
  });

  it("names what is wrong: value out of bounds for its kind, a window that ends before it starts", () => {
    const at = new Date("2027-03-01T00:00:00Z");
    expect(checkDiscount({ code: "a", kind: "percent", value: 0, startsAt: at, endsAt: at, usageLimit: 0 })).toEqual([
      { path: ["code"], message: "A code is 3 to 32 characters long" },
      { path: ["value"], message: "A percentage is a whole number from 1 to 100" },
      { path: ["usageLimit"], message: "A usage limit is a whole number from 1 to 1,000,000,000" },
      { path: ["endsAt"], message: "The end must be after the start" },
    ]);
    expect(checkDiscount({ code: "TEN", kind: "percent", value: 12.5 })[0]?.path).toEqual(["value"]);
    expect(checkDiscount({ code: "TEN", kind: "percent", value: 150 })[0]?.path).toEqual(["value"]);
    expect(checkDiscount({ code: "FIVE", kind: "fixed", value: 0 })).toEqual([
      { path: ["value"], message: "A fixed discount is at least 1 cent" },
    ]);
    expect(checkDiscount({ code: "FIVE", kind: "fixed", value: -500, minSubtotalCents: -1 })).toEqual([
      { path: ["value"], message: "A fixed discount cannot be negative" },
      { path: ["minSubtotalCents"], message: "The minimum subtotal cannot be negative" },
    ]);
    expect(checkDiscount({ code: "FIVE", kind: "fixed", value: 100_000_001 })).toEqual([
      { path: ["value"], message: "A fixed discount cannot be above $1,000,000.00" },
    ]);
    expect(checkDiscount({ code: "FIVE", kind: "fixed", value: 500, endsAt: new Date("not a date") })).toEqual([
      { path: ["endsAt"], message: "Enter a valid date" },
    ]);
  });
});
