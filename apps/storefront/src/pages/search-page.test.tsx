import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server } from "../test-utils/stub-api.ts";
import { SearchPage } from "./search-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

const categories = [
  {
    id: "cat_home",
    slug: "home",
    name: "Home",
    children: [{ id: "cat_lighting", slug: "lighting", name: "Lighting", children: [] }],
  },
];
const lamp = { id: "prod_1", slug: "desk-lamp", name: "Desk Lamp", priceCents: 2599, stock: 3, thumbnail: null };

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

function lastSearch() {
  return server.callsTo("catalog.search").at(-1)?.input;
}

describe("product grid", () => {
  it("reads its search from the URL and writes every filter change back to it", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", (input: { page: number; pageSize: number }) => ({
      items: [lamp],
      total: 42,
      page: input.page,
      pageSize: input.pageSize,
    }));
    const router = renderPage(SearchPage, { path: "/search", url: "/search?q=lamp&page=2", queryClient });

    expect(await screen.findByText("42 products")).toBeTruthy();
    expect(screen.getByText("25–42 of 42")).toBeTruthy();
    expect(lastSearch()).toEqual({ q: "lamp", sort: "relevance", page: 2, pageSize: 24 });

    fireEvent.click(screen.getByLabelText("In stock only"));
    await waitFor(() => expect(router.state.location.search).toBe("?q=lamp&inStock=1"));
    await waitFor(() =>
      expect(lastSearch()).toEqual({ q: "lamp", inStock: true, sort: "relevance", page: 1, pageSize: 24 }),
    );

    fireEvent.change(screen.getByLabelText("Sort"), { target: { value: "price_asc" } });
    await waitFor(() => expect(router.state.location.search).toBe("?q=lamp&inStock=1&sort=price_asc"));

    fireEvent.change(screen.getByLabelText("Minimum price in dollars"), { target: { value: "10" } });
    fireEvent.change(screen.getByLabelText("Maximum price in dollars"), { target: { value: "49.99" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply price" }));
    await waitFor(() =>
      expect(router.state.location.search).toBe("?q=lamp&min=1000&max=4999&inStock=1&sort=price_asc"),
    );

    fireEvent.click(await screen.findByRole("link", { name: "Lighting" }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get("category")).toBe("lighting"));
    await waitFor(() =>
      expect(lastSearch()).toMatchObject({ categorySlug: "lighting", minPriceCents: 1000, maxPriceCents: 4999 }),
    );

    // The back button returns to the previous search.
    await router.navigate(-1);
    await waitFor(() =>
      expect(router.state.location.search).toBe("?q=lamp&min=1000&max=4999&inStock=1&sort=price_asc"),
    );
  });

  it("says what to do when nothing matches", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", () => ({ items: [], total: 0, page: 1, pageSize: 24 }));
    renderPage(SearchPage, { path: "/search", url: "/search?q=zzzz", queryClient });
    expect(await screen.findByText("No products match")).toBeTruthy();
    expect(screen.getByText("Try fewer words, a wider price range, or another category.")).toBeTruthy();
  });
});
