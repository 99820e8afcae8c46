import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StatusBadge, StatusTimeline } from "./order-status.tsx";

afterEach(cleanup);

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));
const entry = (status: string, minute: number) => ({ status, at: at(minute), actor: "system", note: null });
const steps = () =>
  within(screen.getByRole("list", { name: "Order history" }))
    .getAllByRole("listitem")
    .map((item) => item.firstElementChild?.textContent);

describe("the order's timeline", () => {
  it("gives each step one name, the same before and after the order reaches it", () => {
    const { rerender } = render(<StatusTimeline status="placed" history={[entry("placed", 0)]} />);
    const before = steps();
    rerender(
      <StatusTimeline
        status="shipped"
        history={[entry("placed", 0), entry("processing", 5), entry("shipped", 9)] as never}
      />,
    );
    expect(steps()).toEqual(before);
    expect(before).toEqual(["Order placed", "Processing", "Shipped", "Delivered"]);
  });

  it("names a waiting order as every page of both apps does", () => {
    render(<StatusBadge status="placed" />);
    expect(screen.getByText("Awaiting payment")).toBeTruthy();
  });
});
