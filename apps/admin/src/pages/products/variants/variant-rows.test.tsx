import { describe, expect, it } from "vitest";
import {
  addOption,
  addValue,
  applyToSelected,
  combinations,
  missingCombinations,
  newRows,
  removeValue,
  rowChanged,
  rowOf,
  rowProblems,
  serverRowProblems,
  suggestedSku,
  variantInput,
} from "./variant-rows.ts";

const options = [
  { name: "Size", values: ["S", "M"] },
  { name: "Colour", values: ["Black", "Sand"] },
];

const saved = (id: string, size: string, colour: string) =>
  rowOf({
    id,
    sku: `SHIRT-${size}-${colour}`.toUpperCase(),
    options: { Colour: colour, Size: size },
    priceCents: 2400,
    stock: 3,
    status: "active",
  });

describe("combinations", () => {
  it("makes every combination in the options' order", () => {
    expect(combinations(options)).toEqual([
      { Size: "S", Colour: "Black" },
      { Size: "S", Colour: "Sand" },
      { Size: "M", Colour: "Black" },
      { Size: "M", Colour: "Sand" },
    ]);
    expect(combinations([])).toEqual([{}]);
  });

  it("offers the combinations a new value opens, and only those", () => {
    const rows = [
      saved("var_1", "S", "Black"),
      saved("var_2", "S", "Sand"),
      saved("var_3", "M", "Black"),
      saved("var_4", "M", "Sand"),
    ];
    expect(missingCombinations(options, rows)).toEqual([]);
    const added = addValue(options, "Size", " L ");
    if (!added.ok) throw new Error(added.problem);
    expect(missingCombinations(added.options, rows)).toEqual([
      { Size: "L", Colour: "Black" },
      { Size: "L", Colour: "Sand" },
    ]);
  });

  it("counts an archived variant as holding its combination", () => {
    const rows = [{ ...saved("var_1", "S", "Black"), status: "archived" as const }];
    expect(missingCombinations(options, rows)).toHaveLength(3);
  });

  it("suggests SKUs from the slug and values, and starts new rows at no stock", () => {
    expect(suggestedSku("linen-shirt", { Size: "M", Colour: "Sand" })).toBe("LINEN-SHIRT-M-SAND");
    const [row] = newRows([{ Size: "L", Colour: "Sand" }], "linen-shirt", "24.00");
    expect(row).toMatchObject({ sku: "LINEN-SHIRT-L-SAND", price: "24.00", stock: "0", status: "active" });
    expect(row?.id).toBeUndefined();
  });
});

describe("editing values", () => {
  it("refuses a blank or repeated value in words", () => {
    expect(addValue(options, "Size", "  ")).toEqual({ ok: false, problem: "Type a value to add" });
    expect(addValue(options, "Colour", "sand")).toEqual({ ok: false, problem: "Colour already has sand" });
  });

  it("removes a value with its unsaved rows, but not one a saved variant uses", () => {
    const rows = [saved("var_1", "S", "Black"), ...newRows([{ Size: "M", Colour: "Black" }], "shirt", "24.00")];
    expect(removeValue(options, rows, "Size", "S")).toEqual({
      ok: false,
      problem: "1 saved variant uses S: archive them instead",
    });
    const removed = removeValue(options, rows, "Size", "M");
    if (!removed.ok) throw new Error(removed.problem);
    expect(removed.options[0]?.values).toEqual(["S"]);
    expect(removed.rows.map((row) => row.id)).toEqual(["var_1"]);
  });
});

describe("adding an option", () => {
  it("gives every existing variant the first value, so a simple product's variant keeps its stock", () => {
    const simple = rowOf({ id: "var_1", sku: "MUG", options: {}, priceCents: 900, stock: 8, status: "active" });
    const added = addOption([], [simple], " Colour ", "Blue, White, Blue");
    if (!added.ok) throw new Error(added.problem);
    expect(added.options).toEqual([{ name: "Colour", values: ["Blue", "White"] }]);
    expect(added.rows).toEqual([{ ...simple, options: { Colour: "Blue" } }]);
    expect(missingCombinations(added.options, added.rows)).toEqual([{ Colour: "White" }]);
  });

  it("refuses an option without a name or values, or one already there", () => {
    expect(addOption(options, [], "", "S")).toEqual({ ok: false, problem: "Name the option, such as Size" });
    expect(addOption(options, [], "size", "XL")).toEqual({
      ok: false,
      problem: "There is already an option called size",
    });
    expect(addOption(options, [], "Fit", " , ")).toEqual({
      ok: false,
      problem: "Give at least one value, such as S, M, L",
    });
  });
});

describe("the grid's rows", () => {
  it("sets price and stock on the selected rows only", () => {
    const rows = [saved("var_1", "S", "Black"), saved("var_2", "S", "Sand"), saved("var_3", "M", "Black")];
    const next = applyToSelected(rows, new Set(["var_1", "var_3"]), { price: "19.50", stock: "12" });
    expect(next.map((row) => [row.price, row.stock])).toEqual([
      ["19.50", "12"],
      ["24.00", "3"],
      ["19.50", "12"],
    ]);
    expect(next.map((row, index) => rowChanged(row, rows[index]))).toEqual([true, false, true]);
  });

  it("finds every row's problems at once, in words", () => {
    const rows = [
      { ...saved("var_1", "S", "Black"), sku: "DUP", price: "0" },
      { ...saved("var_2", "S", "Sand"), sku: "dup", stock: "-1" },
      { ...saved("var_3", "M", "Black"), sku: " ", price: "ten", stock: "2.5" },
      saved("var_4", "M", "Sand"),
    ];
    const problems = rowProblems(rows);
    expect(problems.get("var_1")).toEqual({
      sku: "Another variant has SKU DUP",
      priceCents: "Price must be more than 0",
    });
    expect(problems.get("var_2")).toEqual({ sku: "Another variant has SKU dup", stock: "Stock cannot be negative" });
    expect(problems.get("var_3")).toEqual({
      sku: "Give the variant a SKU",
      priceCents: "Enter a price like 12.99",
      stock: "Enter a whole number",
    });
    expect(problems.has("var_4")).toBe(false);
  });

  it("puts the server's refusals on the rows they were sent for", () => {
    const problems = serverRowProblems(
      { "variants.1.sku": "SKU SHIRT-S-BLACK is taken by another product", name: "Give the product a name" },
      ["var_1", "new-7"],
    );
    expect([...problems]).toEqual([["new-7", { sku: "SKU SHIRT-S-BLACK is taken by another product" }]]);
  });

  it("sends cents and whole numbers, with the id of a saved variant", () => {
    const row = { ...saved("var_1", "S", "Black"), price: "19.99", stock: " 7 " };
    expect(variantInput(row, saved("var_1", "S", "Black"))).toEqual({
      id: "var_1",
      sku: "SHIRT-S-BLACK",
      options: { Colour: "Black", Size: "S" },
      priceCents: 1999,
      stock: 7,
      status: "active",
    });
  });

  it("leaves out a saved variant's stock the admin did not change, so the live stock stays", () => {
    const loaded = saved("var_1", "S", "Black");
    const input = variantInput({ ...loaded, price: "19.99", stock: " 3 " }, loaded);
    expect(input).not.toHaveProperty("stock");
    expect(input).toMatchObject({ id: "var_1", priceCents: 1999 });
  });
});
