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

  it("commits typing once, on Enter or blur", () => {
    const onChange = vi.fn();
    render(<QuantityInput label="Quantity" value={2} max={99} onChange={onChange} />);
    const input = screen.getByRole("spinbutton");
    fireEvent.change(input, { target: { value: "1" } });
    fireEvent.change(input, { target: { value: "12" } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onChange).toHaveBeenCalledExactlyOnceWith(12);
  });

  it("explains a number above the limit or below one in words, and never changes it silently", () => {
    const onChange = vi.fn();
    render(
      <QuantityInput
        label="Quantity"
        value={2}
        max={99}
        onChange={onChange}
        belowOne="You need at least 1. To take it out of your cart, use Remove."
      />,
    );
    const input = screen.getByRole("spinbutton");

    fireEvent.change(input, { target: { value: "999" } });
    fireEvent.blur(input);
    expect(screen.getByRole("alert").textContent).toBe("You can buy up to 99 of one item at a time.");
    expect(input).toHaveProperty("value", "999");
    expect(input.getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(input, { target: { value: "0" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(screen.getByRole("alert").textContent).toBe("You need at least 1. To take it out of your cart, use Remove.");
    expect(input).toHaveProperty("value", "0");

    fireEvent.change(input, { target: { value: "" } });
    fireEvent.blur(input);
    expect(screen.getByRole("alert").textContent).toBe("Enter a whole number, like 2.");
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: "5" } });
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.blur(input);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(5);
  });
});
