import { describe, expect, it } from "vitest";
import { type ConfirmationOrder, renderOrderConfirmation } from "./order-confirmation.ts";

const order: ConfirmationOrder = {
  id: "ord_1",
  number: 1042,
  customerName: "Ada",
  subtotalCents: 7200,
  discountCents: 0,
  shippingCents: 0,
  taxCents: 0,
  totalCents: 7200,
  pricing: null,
  shippingAddress: {
    name: "Ada",
    line1: "1 Main St",
    city: "Springfield",
    postalCode: "62701",
    country: "US",
    region: "IL",
  },
  placedAt: new Date("2026-12-06T12:00:00Z"),
  lines: [
    { name: "Linen Shirt", quantity: 2, unitPriceCents: 2400, options: { Size: "M", Colour: "Sand" } },
    { name: "Mug <Blue>", quantity: 1, unitPriceCents: 2400, options: {} },
  ],
};

describe("order confirmation, rendered", () => {
  it("names each line's options as the shop's pages do, in both parts", () => {
    const email = renderOrderConfirmation(order, "https://shop.test");
    expect(email.text).toContain("2 × Linen Shirt (Size M · Sand) at $24.00 = $48.00");
    expect(email.text).toContain("1 × Mug <Blue> at $24.00");
    expect(email.html).toContain(">Linen Shirt (Size M · Sand)</td>");
    expect(email.html).toContain(">Mug &lt;Blue&gt;</td>");
  });
});
