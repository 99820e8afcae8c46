import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server, session } from "../test-utils/stub-api.ts";
import { ProductPage } from "./product-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

const image = (url: string) => ({ url, alt: "", width: 800, height: 800, srcset: null, sources: [] });
const variant = (
  id: string,
  Size: string,
  Colour: string,
  priceCents: number,
  stock: number,
  images: string[] = [],
) => ({
  id,
  sku: id.toUpperCase(),
  options: { Size, Colour },
  priceCents,
  stock,
  inStock: stock > 0,
  images: images.map(image),
});
const shirt = {
  id: "prod_shirt",
  slug: "linen-shirt",
  name: "Linen Shirt",
  description: "Breathes in summer.",
  priceCents: 2400,
  maxPriceCents: 2800,
  stock: 12,
  categoryPath: [],
  images: [image("/media/shirt.jpg")],
  options: [
    { name: "Size", values: ["S", "M"] },
    { name: "Colour", values: ["Black", "Sand"] },
  ],
  variants: [
    variant("var_s_black", "S", "Black", 2400, 9),
    variant("var_m_black", "M", "Black", 2400, 0),
    variant("var_m_sand", "M", "Sand", 2800, 3, ["/media/shirt-sand.jpg"]),
  ],
};

beforeAll(() => session.restore(async () => false));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

describe("product page with variants", () => {
  it("refuses Add to cart in words until every option is chosen, and sends nothing", async () => {
    server.on("catalog.product", () => shirt);
    renderPage(ProductPage, { path: "/p/:slug", url: "/p/linen-shirt", queryClient });
    await screen.findByRole("heading", { name: "Linen Shirt" });
    expect(screen.getByTestId("price").textContent).toBe("From $24.00");

    fireEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(screen.getByText("Choose a size")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "S" }));
    fireEvent.click(screen.getByRole("radio", { name: "M" }));
    fireEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(screen.getByText("Choose a colour")).toBeTruthy();
    expect(server.callsTo("cart.addItem")).toEqual([]);
  });

  it("shows the chosen variant's price, stock and pictures, keeps the choice in the address, and adds that variant", async () => {
    server.on("catalog.product", () => shirt);
    server.on("cart.addItem", () => ({ items: [], subtotalCents: 0 }));
    const router = renderPage(ProductPage, { path: "/p/:slug", url: "/p/linen-shirt?size=M", queryClient });
    await screen.findByRole("heading", { name: "Linen Shirt" });
    expect(screen.getByRole("radio", { name: "M" })).toHaveProperty("checked", true);
    expect(screen.getByRole("radio", { name: "Black, sold out" })).toHaveProperty("disabled", true);

    fireEvent.click(screen.getByRole("radio", { name: "Sand" }));
    expect(router.state.location.search).toBe("?size=M&colour=Sand");
    expect(screen.getByTestId("price").textContent).toBe("$28.00");
    expect(screen.getByText("Only 3 left")).toBeTruthy();
    expect(within(screen.getByRole("article")).getAllByRole("img")[0]?.getAttribute("src")).toBe(
      "/media/shirt-sand.jpg",
    );
    expect(screen.getByRole("radio", { name: "S, not made in Sand" })).toHaveProperty("disabled", true);

    fireEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    await waitFor(() => expect(server.callsTo("cart.addItem")).toHaveLength(1));
    expect(server.callsTo("cart.addItem")[0]?.input).toEqual({ variantId: "var_m_sand", quantity: 1 });
  });
});
