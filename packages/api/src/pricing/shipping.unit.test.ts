import { describe, expect, it } from "vitest";
import { methodsFor, notShippedTo, priceMethods, type ShippingZone } from "./shipping.ts";

const zones: ShippingZone[] = [
  {
    id: "zone_eu",
    name: "Europe",
    countries: ["DE", "FR", "NL"],
    methods: [
      { id: "ship_express", name: "Express", estimate: "1–2 working days", priceCents: 1495 },
      { id: "ship_standard", name: "Standard", estimate: "3–5 working days", priceCents: 495, freeAboveCents: 5000 },
    ],
  },
  { id: "zone_uk", name: "United Kingdom", countries: ["GB"], methods: [] },
];

const shippingOptions = (country: string, order: { subtotalCents: number; discountCents: number }) =>
  priceMethods(methodsFor(zones, country), order);

describe("shipping options", () => {
  it("offers the zone's methods priced for the cart, cheapest first", () => {
    expect(shippingOptions("FR", { subtotalCents: 3000, discountCents: 0 })).toEqual([
      { id: "ship_standard", name: "Standard", estimate: "3–5 working days", priceCents: 495 },
      { id: "ship_express", name: "Express", estimate: "1–2 working days", priceCents: 1495 },
    ]);
  });

  it("ships free from the threshold on, measured after the discount", () => {
    const standard = (order: { subtotalCents: number; discountCents: number }) =>
      shippingOptions("DE", order).find((o) => o.id === "ship_standard")?.priceCents;
    expect(standard({ subtotalCents: 5000, discountCents: 0 })).toBe(0);
    expect(standard({ subtotalCents: 4999, discountCents: 0 })).toBe(495);
    // $55.50 with $5.55 off is $49.95 of goods: not yet free.
    expect(standard({ subtotalCents: 5550, discountCents: 555 })).toBe(495);
    expect(standard({ subtotalCents: 5600, discountCents: 600 })).toBe(0);
  });

  it("offers nothing where no zone ships, and says so by the country's name", () => {
    expect(methodsFor(zones, "US")).toEqual([]);
    expect(notShippedTo("US")).toBe("We don't ship to United States yet");
    // A zone with no methods ships nowhere.
    expect(methodsFor(zones, "GB")).toEqual([]);
  });
});
