import { describe, expect, it } from "vitest";
import { gridSearchParams, readGridState, searchInput, withFilters } from "./search-params.ts";

describe("grid state in the URL", () => {
  it("round-trips every filter, sort and page through the query string", () => {
    const url = "q=lamp&category=lighting&min=1000&max=5000&inStock=1&sort=price_asc&page=3";
    const state = readGridState(new URLSearchParams(url));
    expect(state).toEqual({
      q: "lamp",
      category: "lighting",
      minPriceCents: 1000,
      maxPriceCents: 5000,
      inStock: true,
      sort: "price_asc",
      page: 3,
    });
    expect(gridSearchParams(state).toString()).toBe(url);
  });

  it("ignores garbage instead of sending it to the API", () => {
    const state = readGridState(new URLSearchParams("min=-4&max=abc&sort=cheapest&page=0&inStock=yes"));
    expect(state).toMatchObject({ minPriceCents: undefined, maxPriceCents: undefined, sort: undefined, page: 1 });
    expect(state.inStock).toBe(false);
    expect(gridSearchParams(state).toString()).toBe("");
  });

  it("goes back to page 1 when a filter changes", () => {
    const state = readGridState(new URLSearchParams("q=shirt&page=4"));
    const next = withFilters(state, { inStock: true });
    expect(gridSearchParams(next).toString()).toBe("q=shirt&inStock=1");
  });

  it("sorts by relevance with search text and by newest without", () => {
    expect(searchInput(readGridState(new URLSearchParams("q=lamp"))).sort).toBe("relevance");
    expect(searchInput(readGridState(new URLSearchParams("category=lighting"))).sort).toBe("newest");
    expect(searchInput(readGridState(new URLSearchParams("q=lamp&sort=price_desc"))).sort).toBe("price_desc");
  });
});
