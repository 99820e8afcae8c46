import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { GRID_PAGE_SIZE, VariantGrid } from "./variant-grid.tsx";
import { combinations, rowOf, rowProblems, type VariantRow } from "./variant-rows.ts";

afterEach(cleanup);

// 10 sizes × 10 colours: a hundred variants, as a large apparel product has.
const options = [
  { name: "Size", values: Array.from({ length: 10 }, (_, i) => `${36 + i}`) },
  { name: "Colour", values: Array.from({ length: 10 }, (_, i) => `Shade${i}`) },
];
const hundred = combinations(options).map((combination, i) =>
  rowOf({ id: `var_${i}`, sku: `SHOE-${i}`, options: combination, priceCents: 5000, stock: 2, status: "active" }),
);

let latest: VariantRow[] = [];
function Grid() {
  const [rows, setRows] = useState<VariantRow[]>(hundred);
  latest = rows;
  return <VariantGrid options={options} rows={rows} problems={rowProblems(rows)} onRows={setRows} />;
}

const table = () => screen.getByRole("table", { name: "Variants" });
const bodyRows = () => within(table()).getAllByRole("row").slice(1);

describe("VariantGrid", () => {
  it("shows a hundred variants a page at a time", () => {
    render(<Grid />);
    expect(bodyRows()).toHaveLength(GRID_PAGE_SIZE);
    expect(screen.getByText(`1–${GRID_PAGE_SIZE} of 100`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(within(table()).getByRole("textbox", { name: "SKU of Size 38 · Shade5" })).toBeTruthy();
  });

  it("sets the price of every selected variant at once, across pages", () => {
    render(<Grid />);
    fireEvent.change(screen.getByRole("combobox", { name: "Show Colour" }), { target: { value: "Shade3" } });
    expect(bodyRows()).toHaveLength(10);
    fireEvent.click(screen.getByRole("button", { name: "Select all 10 shown" }));
    expect(screen.getByText("10 selected")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "New price (USD) for the selected variants" }), {
      target: { value: "45.50" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Set price" }));

    const changed = latest.filter((row) => row.price === "45.50");
    expect(changed.map((row) => row.options.Colour)).toEqual(Array(10).fill("Shade3"));
    expect(latest.filter((row) => row.price === "50.00")).toHaveLength(90);
  });

  it("archives a variant and shows a row's problem at its input", () => {
    render(<Grid />);
    fireEvent.click(screen.getByRole("button", { name: "Archive Size 36 · Shade0" }));
    expect(latest[0]?.status).toBe("archived");
    expect(screen.getByRole("button", { name: "Restore Size 36 · Shade0" })).toBeTruthy();

    const stock = screen.getByRole("textbox", { name: "Stock of Size 36 · Shade1" });
    fireEvent.change(stock, { target: { value: "-3" } });
    expect(stock.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Stock cannot be negative")).toBeTruthy();
  });
});
