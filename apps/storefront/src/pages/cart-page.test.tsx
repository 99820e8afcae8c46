import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server, session } from "../test-utils/stub-api.ts";
import { CartPage } from "./cart-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

const cart = {
  items: [
    {
      productId: "prod_lamp",
      variantId: "var_lamp",
      sku: "LAMP",
      options: {},
      slug: "desk-lamp",
      name: "Desk Lamp",
      priceCents: 1000,
      quantity: 2,
      stock: 5,
      available: true,
    },
    {
      productId: "prod_mug",
      variantId: "var_mug",
      sku: "MUG",
      options: {},
      slug: "mug",
      name: "Blue Mug",
      priceCents: 500,
      quantity: 1,
      stock: 0,
      available: false,
    },
  ],
  subtotalCents: 2000,
};

beforeAll(() => session.restore(async () => false));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

describe("cart page", () => {
  it("shows a quantity change at once and rolls it back when the server refuses", async () => {
    server.on("cart.get", () => cart);
    let refuse = () => {};
    server.on(
      "cart.updateItem",
      () =>
        new Promise((_resolve, reject) => {
          refuse = () => reject(new TRPCError({ code: "CONFLICT", message: "Only 2 Desk Lamp left in stock." }));
        }),
    );
    renderPage(CartPage, { path: "/cart", url: "/cart", queryClient });

    const lamp = await screen.findByRole("listitem", { name: "Desk Lamp" });
    const quantity = within(lamp).getByRole("spinbutton", { name: "Quantity" });
    expect(quantity).toHaveProperty("value", "2");
    // From here the server never answers a cart read, so only the rollback can restore the cart.
    server.on("cart.get", () => new Promise(() => {}));

    fireEvent.click(within(lamp).getByRole("button", { name: "Increase quantity" }));
    await waitFor(() => expect(quantity).toHaveProperty("value", "3"));
    expect(screen.getByTestId("subtotal").textContent).toBe("$30.00");
    await waitFor(() => expect(server.callsTo("cart.updateItem")).toHaveLength(1));
    expect(server.callsTo("cart.updateItem")[0]?.input).toEqual({ variantId: "var_lamp", quantity: 3 });

    refuse();
    await waitFor(() => expect(quantity).toHaveProperty("value", "2"));
    expect(screen.getByTestId("subtotal").textContent).toBe("$20.00");
    expect((await screen.findByRole("alert")).textContent).toContain("Only 2 Desk Lamp left in stock.");
  });

  it("removes a line optimistically and flags lines that can no longer be bought", async () => {
    server.on("cart.get", () => cart);
    server.on("cart.updateItem", () => new Promise(() => {}));
    renderPage(CartPage, { path: "/cart", url: "/cart", queryClient });

    const mug = await screen.findByRole("listitem", { name: "Blue Mug" });
    expect(within(mug).getByText("No longer available")).toBeTruthy();
    expect(screen.getByText("Remove the unavailable items to check out.")).toBeTruthy();
    // The unavailable line is not part of the subtotal.
    expect(screen.getByTestId("subtotal").textContent).toBe("$20.00");

    fireEvent.click(within(mug).getByRole("button", { name: "Remove Blue Mug" }));
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Blue Mug" })).toBeNull());
    expect(screen.queryByText("Remove the unavailable items to check out.")).toBeNull();
  });

  it("names each variant's options on its line and links to that variant", async () => {
    const shirt = (variantId: string, Size: string, Colour: string) => ({
      productId: "prod_shirt",
      variantId,
      sku: variantId.toUpperCase(),
      options: { Size, Colour },
      slug: "linen-shirt",
      name: "Linen Shirt",
      priceCents: 2400,
      quantity: 1,
      stock: 4,
      available: true,
    });
    server.on("cart.get", () => ({
      items: [shirt("var_m_sand", "M", "Sand"), shirt("var_l_black", "L", "Black")],
      subtotalCents: 4800,
    }));
    server.on("cart.updateItem", () => new Promise(() => {}));
    renderPage(CartPage, { path: "/cart", url: "/cart", queryClient });

    const sand = await screen.findByRole("listitem", { name: "Linen Shirt (Size M · Sand)" });
    expect(within(sand).getByText("Size M · Sand")).toBeTruthy();
    expect(within(sand).getByRole("link", { name: "Linen Shirt" }).getAttribute("href")).toBe(
      "/p/linen-shirt?size=M&colour=Sand",
    );
    fireEvent.click(screen.getByRole("button", { name: "Remove Linen Shirt (Size L · Black)" }));
    await waitFor(() =>
      expect(server.callsTo("cart.updateItem")[0]?.input).toEqual({ variantId: "var_l_black", quantity: 0 }),
    );
    expect(screen.getByRole("listitem", { name: "Linen Shirt (Size M · Sand)" })).toBeTruthy();
  });

  it("says so when the cart is empty", async () => {
    server.on("cart.get", () => ({ items: [], subtotalCents: 0 }));
    renderPage(CartPage, { path: "/cart", url: "/cart", queryClient });
    expect(await screen.findByText("Your cart is empty")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start shopping" }).getAttribute("href")).toBe("/search");
  });
});
