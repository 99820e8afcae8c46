import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DiscountForm } from "./discount-form.tsx";

afterEach(cleanup);

/** A refusal as the server sends it: the sentence, on its field. */
const refusal = (message: string, field: string) => ({
  message,
  data: { code: "BAD_REQUEST", httpStatus: 400, details: { field } },
});

describe("DiscountForm", () => {
  it("sends dollars as cents and days as UTC, and shows the server's refusal at its field", () => {
    const onSubmit = vi.fn();
    const props = { categories: [], pending: false, onSubmit };
    const { rerender } = render(<DiscountForm {...props} error={null} />);
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "spring 10" } });
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "fixed" } });
    fireEvent.change(screen.getByLabelText("Value"), { target: { value: "5.5" } });
    fireEvent.change(screen.getByLabelText("Minimum subtotal (optional)"), { target: { value: "50" } });
    fireEvent.change(screen.getByLabelText("Ends (optional, UTC)"), { target: { value: "2027-04-01" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Once per customer" }));
    fireEvent.click(screen.getByRole("button", { name: "Create code" }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      code: "spring 10",
      kind: "fixed",
      value: 550,
      categoryId: null,
      minSubtotalCents: 5000,
      startsAt: null,
      endsAt: new Date("2027-04-01T00:00:00Z"),
      usageLimit: null,
      oncePerCustomer: true,
    });

    rerender(
      <DiscountForm
        {...props}
        error={refusal("Another code is already called that (codes ignore case and spaces)", "code")}
      />,
    );
    const code = screen.getByLabelText("Code");
    expect(code.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Another code is already called that (codes ignore case and spaces)")).toBeTruthy();
  });

  it("says what is wrong with a value that is not a number, and sends nothing", () => {
    const onSubmit = vi.fn();
    render(<DiscountForm categories={[]} pending={false} error={null} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "TEN" } });
    fireEvent.change(screen.getByLabelText("Value"), { target: { value: "ten" } });
    fireEvent.click(screen.getByRole("button", { name: "Create code" }));
    expect(screen.getByText("Enter a whole percentage, such as 10")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
