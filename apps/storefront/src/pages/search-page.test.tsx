import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { TRPCError } from "@trpc/server";
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
    expect(screen.getByRole("button", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
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

const page =
  (items: unknown[], total: number, extra: Record<string, unknown> = {}) =>
  (input: { page: number }) => ({
    items,
    total,
    page: input.page,
    pageSize: 24,
    correctedQuery: null,
    ...extra,
  });

describe("product grid edge cases", () => {
  it("numbers the pages around the current one and moves to the one clicked", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", page([lamp], 240));
    const router = renderPage(SearchPage, { path: "/search", url: "/search?page=5", queryClient });
    await screen.findByText("240 products");
    const numbers = screen.getAllByRole("button", { name: /^Page \d+$/ }).map((button) => button.textContent);
    expect(numbers).toEqual(["1", "4", "5", "6", "10"]);
    fireEvent.click(screen.getByRole("button", { name: "Page 10" }));
    await waitFor(() => expect(router.state.location.search).toBe("?page=10"));
  });

  it("offers the last page for a page past the end", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", page([], 30));
    const router = renderPage(SearchPage, { path: "/search", url: "/search?q=lamp&page=99", queryClient });
    expect(await screen.findByText("There is no page 99")).toBeTruthy();
    expect(screen.queryByText(/Page 99 of/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Go to the last page (2)" }));
    await waitFor(() => expect(router.state.location.search).toBe("?q=lamp&page=2"));
  });

  it("explains a price range whose minimum is above its maximum, in words, and swaps it", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", page([lamp], 1));
    const router = renderPage(SearchPage, { path: "/search", url: "/search?min=5000&max=1000", queryClient });
    expect(await screen.findByText("The lowest price is above the highest")).toBeTruthy();
    expect(screen.getByText("You asked for prices from $50.00 up to $10.00.")).toBeTruthy();
    expect(screen.queryByText("Searching…")).toBeNull();
    expect(server.callsTo("catalog.search")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Swap them" }));
    await waitFor(() => expect(router.state.location.search).toBe("?min=1000&max=5000"));
    expect(await screen.findByText("1 product")).toBeTruthy();
  });

  it("will not apply a typed minimum above the maximum, and says why", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", page([lamp], 1));
    const router = renderPage(SearchPage, { path: "/search", url: "/search", queryClient });
    await screen.findByText("1 product");
    fireEvent.change(screen.getByLabelText("Minimum price in dollars"), { target: { value: "50" } });
    fireEvent.change(screen.getByLabelText("Maximum price in dollars"), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: "Apply price" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The minimum ($50.00) is above the maximum ($10.00).");
    expect(router.state.location.search).toBe("");
  });

  it("stops saying Searching… when the search fails", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", () => {
      throw new TRPCError({ code: "NOT_FOUND", message: "Category not found" });
    });
    renderPage(SearchPage, { path: "/search", url: "/search?category=gone", queryClient });
    expect(await screen.findByText("Category not found")).toBeTruthy();
    expect(screen.queryByText("Searching…")).toBeNull();
  });

  it("says which words it searched for instead of a misspelling", async () => {
    server.on("catalog.categories", () => categories);
    server.on("catalog.search", page([lamp], 1, { correctedQuery: "lamp" }));
    renderPage(SearchPage, { path: "/search", url: "/search?q=lmap", queryClient });
    expect(await screen.findByText("No products matched “lmap”. Showing results for “lamp”.")).toBeTruthy();
  });
});
