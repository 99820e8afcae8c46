import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { focusOption, VariantPicker } from "./variant-picker.tsx";
import { type Choice, withValue } from "./variant-selection.ts";

afterEach(cleanup);

const options = [
  { name: "Size", values: ["S", "M"] },
  { name: "Colour", values: ["Black", "Sand"] },
];
const variant = (id: string, Size: string, Colour: string, stock: number) => ({
  id,
  options: { Size, Colour },
  priceCents: 2400,
  stock,
  inStock: stock > 0,
});
// S is made in Black only; M Black is sold out.
const variants = [
  variant("var_s_black", "S", "Black", 2),
  variant("var_m_black", "M", "Black", 0),
  variant("var_m_sand", "M", "Sand", 4),
];

function Picker({ initial = {} }: { initial?: Choice }) {
  const [choice, setChoice] = useState<Choice>(initial);
  return (
    <div data-testid="picker">
      <VariantPicker
        options={options}
        variants={variants}
        choice={choice}
        onChoose={(name, value) => setChoice(withValue(options, choice, name, value))}
      />
    </div>
  );
}

describe("VariantPicker", () => {
  it("offers each option as a named radio group and shows what is chosen", () => {
    render(<Picker />);
    const size = screen.getByRole("group", { name: "Size" });
    fireEvent.click(within(size).getByRole("radio", { name: "M" }));
    expect(within(size).getByRole("radio", { name: "M" })).toHaveProperty("checked", true);
    expect(screen.getByRole("group", { name: "Size: M" })).toBeTruthy();
  });

  it("disables a combination that is sold out or not made, and says why in the radio's name", () => {
    render(<Picker initial={{ Size: "M" }} />);
    const black = screen.getByRole("radio", { name: "Black, sold out" });
    expect(black).toHaveProperty("disabled", true);
    expect(screen.getByRole("radio", { name: "Sand" })).toHaveProperty("disabled", false);

    fireEvent.click(screen.getByRole("radio", { name: "Sand" }));
    const small = screen.getByRole("radio", { name: "S, not made in Sand" });
    expect(small).toHaveProperty("disabled", true);
  });

  it("moves focus to the first value that can be chosen for an option", () => {
    render(<Picker initial={{ Size: "S" }} />);
    focusOption(screen.getByTestId("picker"), "Colour");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "Black" }));
  });
});
