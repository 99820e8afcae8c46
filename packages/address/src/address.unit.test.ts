import { describe, expect, it } from "vitest";
import { type Address, addressLines, addressProblems, normalizeAddress } from "./address.ts";

const base = { name: "Ada Lovelace", line1: "1 Market St" };

describe("addressLines: an address as the post of its country reads it", () => {
  it("writes a US city, state and ZIP code on one line", () => {
    const us: Address = {
      ...base,
      line2: "Suite 5",
      city: "San Francisco",
      region: "CA",
      postalCode: "94103",
      country: "US",
    };
    expect(addressLines(us)).toEqual([
      "Ada Lovelace",
      "1 Market St",
      "Suite 5",
      "San Francisco, CA 94103",
      "United States",
    ]);
  });

  it("puts a UK postcode on its own line, upper-cased with its space", () => {
    const uk: Address = { ...base, city: "London", postalCode: "sw1a1aa", country: "GB" };
    expect(addressLines(uk)).toEqual(["Ada Lovelace", "1 Market St", "London", "SW1A 1AA", "United Kingdom"]);
  });

  it("writes Canada and Australia with the region between town and code, and most of Europe code first", () => {
    expect(addressLines({ ...base, city: "Toronto", region: "on", postalCode: "m5v 2t6", country: "CA" })[2]).toBe(
      "Toronto ON M5V 2T6",
    );
    expect(
      addressLines({ ...base, city: "Sydney", region: "New South Wales", postalCode: "2000", country: "AU" })[2],
    ).toBe("Sydney NSW 2000");
    expect(addressLines({ ...base, city: "Berlin", postalCode: "10115", country: "DE" }).slice(2)).toEqual([
      "10115 Berlin",
      "Germany",
    ]);
  });

  it("still writes an address stored before regions existed", () => {
    expect(addressLines({ ...base, city: "San Francisco", postalCode: "94103", country: "US" })[2]).toBe(
      "San Francisco 94103",
    );
  });
});

describe("addressProblems: every problem at once, under its field", () => {
  it("names each missing part, the US state included", () => {
    expect(addressProblems({ name: " ", line1: "", city: "", postalCode: "", country: "US" })).toEqual({
      name: "Enter the recipient's name",
      line1: "Enter the street address",
      city: "Enter the city",
      postalCode: "Enter the ZIP code",
      region: "Choose a state",
    });
  });

  it("refuses a region that is not one of the country's, and one for a country without regions", () => {
    const sf = { ...base, city: "San Francisco", postalCode: "94103", country: "US" };
    expect(addressProblems({ ...sf, region: "XX" })).toEqual({ region: "Choose a state" });
    expect(addressProblems({ ...sf, region: "california" })).toEqual({});
    expect(addressProblems({ ...base, city: "Berlin", postalCode: "10115", country: "DE", region: "Berlin" })).toEqual({
      region: "Leave the region out: addresses in this country have none",
    });
    expect(addressProblems({ ...base, city: "Toronto", postalCode: "M5V 2T6", country: "CA" })).toEqual({
      region: "Choose a province or territory",
    });
  });

  it("checks the postal code against its country's format, in that country's words", () => {
    expect(addressProblems({ ...base, city: "London", postalCode: "12345", country: "GB" })).toEqual({
      postalCode: "Use a postcode like SW1Y 4JH",
    });
    expect(addressProblems({ ...base, city: "Nowhere", postalCode: "1", country: "ZZ" })).toEqual({
      country: "Choose a country from the list",
    });
  });

  it("stores codes upper-cased and a region typed by name as its code", () => {
    expect(
      normalizeAddress({ ...base, line2: " ", city: " Austin ", region: "texas", postalCode: "78701", country: "us" }),
    ).toEqual({ ...base, city: "Austin", region: "TX", postalCode: "78701", country: "US" });
  });
});
