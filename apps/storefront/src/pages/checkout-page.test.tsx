import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ADDRESS } from "../test-utils/fixtures.ts";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server, session } from "../test-utils/stub-api.ts";
import { invalidInput } from "../test-utils/stub-shop.ts";
import { CheckoutPage } from "./checkout-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

// A guest: the page's first restore of a session found none.
beforeAll(() => session.restore(async () => false));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
  sessionStorage.clear();
});

const LAMP = {
  productId: "prod_lamp",
  variantId: "var_lamp",
  sku: "LAMP",
  options: {},
  slug: "desk-lamp",
  name: "Desk Lamp",
  thumbnail: null,
  priceCents: 2_500,
  quantity: 1,
  lineTotalCents: 2_500,
  discountCents: 0,
  taxCents: 0,
  totalCents: 2_500,
  problem: null,
};
const SUMMARY = {
  lines: [LAMP],
  subtotalCents: 2_500,
  discountCents: 0,
  shippingCents: 1_995,
  taxCents: 0,
  totalCents: 4_495,
  taxIncluded: false,
  shippingOptions: [{ id: "ship_intl", name: "International", estimate: "5–10 days", priceCents: 1_995 }],
  shippingMethodId: "ship_intl",
  shippingProblem: null,
  discount: null,
  problems: 0,
  canCheckout: true,
};
const GB = {
  code: "GB",
  postalCodeLabel: "Postcode",
  postalCodePattern: ".+",
  postalCodeExample: "SW1A 1AA",
  region: null,
};

function openCheckout() {
  server.on("orders.checkoutSummary", () => SUMMARY);
  server.on("orders.shippingCountries", () => [GB]);
  server.on("orders.checkout", () => ({ order: { id: "ord_1", number: 1042 }, paymentUrl: null, orderToken: "tok" }));
  renderPage(CheckoutPage, { path: "/checkout", url: "/checkout", queryClient });
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });

/** The country first, once the shop's list of them has arrived: the form follows its conventions. */
async function fillAddress() {
  await screen.findByRole("option", { name: "United Kingdom" });
  fireEvent.change(screen.getByLabelText("Country"), { target: { value: ADDRESS.country } });
  type("Full name", ADDRESS.name);
  type("Address", ADDRESS.line1);
  type("City", ADDRESS.city);
  type("Postcode", ADDRESS.postalCode);
}

/** Pay, once the summary for the typed country is in (until then the button waits with it). */
async function pay() {
  const button = await screen.findByRole("button", { name: "Pay $44.95" });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  fireEvent.click(button);
}

describe("checkout as a guest", () => {
  it("asks for an email, says in words when it is malformed, sends nothing, and lands on the field", async () => {
    openCheckout();
    await screen.findByLabelText("Email");
    await fillAddress();
    type("Email", "ada@example");
    await pay();

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(server.callsTo("orders.checkout")).toEqual([]);

    type("Email", "ada@example.com");
    expect(email.getAttribute("aria-invalid")).toBeNull();
  });

  it("sends the email with the address, and keeps no address on an account it does not have", async () => {
    openCheckout();
    await screen.findByLabelText("Email");
    expect(screen.queryByLabelText("Save this address for next time")).toBeNull();
    type("Email", " ada@example.com ");
    await fillAddress();
    await pay();

    await waitFor(() => expect(server.callsTo("orders.checkout")).toHaveLength(1));
    const { idempotencyKey, ...sent } = server.callsTo("orders.checkout")[0]!.input as { idempotencyKey: string };
    expect(idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(sent).toEqual({
      email: "ada@example.com",
      shippingAddress: ADDRESS,
      shippingMethodId: "ship_intl",
      expectedTotalCents: 4_495,
    });
  });

  it("puts the server's verdict on the email next to the field", async () => {
    openCheckout();
    server.on("orders.checkout", () => {
      throw invalidInput([{ path: ["email"], message: "Invalid email address" }]);
    });
    await screen.findByLabelText("Email");
    // What the browser lets through and the server does not.
    type("Email", "ada@exa..mple.com");
    await fillAddress();
    await pay();

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Invalid email address")).toBeTruthy();
    expect(server.callsTo("orders.checkout")).toHaveLength(1);
  });

  it("offers to sign in for the saved address, coming back to checkout", async () => {
    openCheckout();
    const link = await screen.findByRole("link", { name: "Sign in to use your saved address" });
    expect(link.getAttribute("href")).toBe("/login?next=%2Fcheckout");
  });
});
