import { cleanup, render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { LowStock } from "./dashboard-page.tsx";

afterEach(cleanup);

const variant = (name: string, options: Record<string, string>, stock: number, n: number) => ({
  id: `prod_${name.length}`,
  variantId: `var_${n}`,
  name,
  sku: `SKU-${n}`,
  options,
  stock,
});

function show(props: Parameters<typeof LowStock>[0]) {
  const router = createMemoryRouter([{ path: "/", element: <LowStock {...props} /> }]);
  render(<RouterProvider router={router} />);
  return within(screen.getByRole("table", { name: "Low stock" }));
}

describe("the dashboard's low stock", () => {
  it("lists each size and colour on its own with what is left, and counts the variants beyond the list", () => {
    const table = show({
      items: [
        variant("Linen Shirt", { Size: "L", Colour: "Black" }, 1, 1),
        variant("Linen Shirt", { Size: "M", Colour: "Sand" }, 2, 2),
        variant("Desk Clock", {}, 3, 3),
      ],
      count: 12,
      threshold: 5,
    });
    const rows = table.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "Linen Shirt — Size L · Black SKU-11 left",
      "Linen Shirt — Size M · Sand SKU-22 left",
      "Desk Clock SKU-33 left",
    ]);
    expect(table.getByRole("link", { name: "Linen Shirt — Size M · Sand" }).getAttribute("href")).toBe(
      "/products/prod_11",
    );
    screen.getByText("12 variants for sale with 5 or fewer left; the 3 scarcest:");
  });

  it("says every variant is well stocked when none is low", () => {
    show({ items: [], count: 0, threshold: 5 });
    screen.getByText("Every variant for sale is well stocked.");
  });
});
