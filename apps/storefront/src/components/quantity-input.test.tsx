import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QuantityInput } from "./quantity-input.tsx";

afterEach(cleanup);

describe("QuantityInput", () => {
  it("steps within 1…max with the buttons", () => {
    const onChange = vi.fn();
    const { rerender } = render(<QuantityInput label="Quantity" value={1} max={3} onChange={onChange} />);
    expect(screen.getByRole("button", { name: "Decrease quantity" })).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("button", { name: "Increase quantity" }));
    expect(onChange).toHaveBeenLastCalledWith(2);

    rerender(<QuantityInput label="Quantity" value={3} max={3} onChange={onChange} />);
    expect(screen.getByRole("spinbutton")).toHaveProperty("value", "3");
    expect(screen.getByRole("button", { name: "Increase quantity" })).toHaveProperty("disabled", true);
  });

  it("commits typing once, on Enter or blur, clamped to the stock", () => {
    const onChange = vi.fn();
    render(<QuantityInput label="Quantity" value={2} max={10} onChange={onChange} />);
    const input = screen.getByRole("spinbutton");

    fireEvent.change(input, { target: { value: "1" } });
    fireEvent.change(input, { target: { value: "12" } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChange).toHaveBeenCalledExactlyOnceWith(10);

    fireEvent.change(input, { target: { value: "" } });
    fireEvent.blur(input);
    expect(input).toHaveProperty("value", "2");
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
