import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VariantsEditor } from "./variants-editor.tsx";

afterEach(cleanup);

const options = [
  { name: "Size", values: ["S", "M"] },
  { name: "Colour", values: ["Black", "Sand"] },
];
const variants = options[0]!.values.flatMap((Size) =>
  options[1]!.values.map((Colour) => ({
    id: `var_${Size}_${Colour}`,
    sku: `SHIRT-${Size}-${Colour}`.toUpperCase(),
    options: { Size, Colour },
    priceCents: 2400,
    stock: 5,
    status: "active" as const,
  })),
);

const editor = (onSave = vi.fn(), error: unknown = null) =>
  render(
    <VariantsEditor
      slug="linen-shirt"
      options={options}
      variants={variants}
      pending={false}
      error={error}
      onSave={onSave}
    />,
  );

describe("VariantsEditor", () => {
  it("offers the combinations a new value opens, and saves them with the options", () => {
    const onSave = vi.fn();
    editor(onSave);
    const size = screen.getByRole("group", { name: "Size" });
    fireEvent.change(within(size).getByLabelText("New size"), { target: { value: "L" } });
    fireEvent.click(within(size).getByRole("button", { name: "Add size" }));

    expect(screen.getByText(/2 combinations have no variant yet: Size L · Black, Size L · Sand/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add these 2 as variants" }));
    expect(screen.getByRole("textbox", { name: "SKU of Size L · Sand" })).toHaveProperty("value", "LINEN-SHIRT-L-SAND");
    fireEvent.change(screen.getByRole("textbox", { name: "Stock of Size L · Sand" }), { target: { value: "9" } });
    fireEvent.click(screen.getByRole("button", { name: "Save variants" }));

    expect(onSave).toHaveBeenCalledTimes(1);
    const input = onSave.mock.calls[0]![0];
    expect(input.options).toEqual([{ name: "Size", values: ["S", "M", "L"] }, options[1]]);
    expect(input.variants).toHaveLength(6);
    expect(input.variants[5]).toEqual({
      sku: "LINEN-SHIRT-L-SAND",
      options: { Size: "L", Colour: "Sand" },
      priceCents: 2400,
      stock: 9,
      status: "active",
    });
  });

  it("sends the stock of only the rows whose stock the admin changed, so other rows keep what shoppers bought", () => {
    const onSave = vi.fn();
    editor(onSave);
    fireEvent.change(screen.getByRole("textbox", { name: "Price of Size S · Black" }), { target: { value: "21.00" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Stock of Size M · Sand" }), { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: "Save variants" }));

    const sent = onSave.mock.calls[0]![0].variants;
    expect(sent.map((v: { id: string; stock?: number }) => [v.id, v.stock])).toEqual([
      ["var_S_Black", undefined],
      ["var_S_Sand", undefined],
      ["var_M_Black", undefined],
      ["var_M_Sand", 12],
    ]);
    expect(sent[0]).not.toHaveProperty("stock");
    expect(sent[0].priceCents).toBe(2100);
  });

  it("sends nothing while a row has a problem, and says which", () => {
    const onSave = vi.fn();
    editor(onSave);
    fireEvent.change(screen.getByRole("textbox", { name: "Price of Size M · Sand" }), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Save variants" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText("Size M · Sand: Price must be more than 0. Fix them to save.")).toBeTruthy();
  });

  it("shows the server's refusal on the row it was sent for", () => {
    const onSave = vi.fn();
    const { rerender } = editor(onSave);
    fireEvent.click(screen.getByRole("button", { name: "Save variants" }));
    const refusal = {
      message: "Invalid input",
      data: {
        code: "BAD_REQUEST",
        httpStatus: 400,
        issues: [{ path: ["variants", 2, "sku"], message: "SKU SHIRT-M-BLACK is taken" }],
      },
    };
    rerender(
      <VariantsEditor
        slug="linen-shirt"
        options={options}
        variants={variants}
        pending={false}
        error={refusal}
        onSave={onSave}
      />,
    );
    const sku = screen.getByRole("textbox", { name: "SKU of Size M · Black" });
    expect(sku.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("SKU SHIRT-M-BLACK is taken")).toBeTruthy();
  });
});
