import { act, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { useListFilters } from "./use-list-filters.ts";

function OrdersList() {
  const { search, setSearch } = useListFilters("q");
  return (
    <>
      <input aria-label="Search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <Link to="/orders/1">#1001</Link>
    </>
  );
}

describe("useListFilters", () => {
  it("lets a click on a result win over the search term that settles while the result's page loads", async () => {
    // The admin's pages are lazy chunks: the navigation waits for its chunk, and the typed term
    // settles meanwhile. Recording the term in the URL then must not cancel the way out.
    let chunkArrives!: () => void;
    const chunk = new Promise<void>((resolve) => {
      chunkArrives = resolve;
    });
    const router = createMemoryRouter(
      [
        { path: "/orders", Component: OrdersList },
        {
          path: "/orders/:id",
          lazy: async () => {
            await chunk;
            return { Component: () => <h1>Order #1001</h1> };
          },
        },
      ],
      { initialEntries: ["/orders?status=processing"] },
    );
    render(<RouterProvider router={router} />);

    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "#1001" } });
    fireEvent.click(screen.getByText("#1001"));
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    await act(async () => chunkArrives());

    expect(await screen.findByRole("heading", { name: "Order #1001" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/orders/1");
  });
});
