import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server } from "../test-utils/stub-api.ts";
import { SearchBox } from "./search-box.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

const lamp = { id: "prod_1", slug: "desk-lamp", name: "Desk Lamp", priceCents: 2599, stock: 3, thumbnail: null };

function type(text: string) {
  const input = screen.getByRole("combobox", { name: "Search products" });
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
}

describe("the search box's suggestions", () => {
  it("says there are no matches, with what to try, when nothing matches", async () => {
    server.on("catalog.search", () => ({ items: [], total: 0, page: 1, pageSize: 6, correctedQuery: null }));
    renderPage(SearchBox, { path: "/", url: "/", queryClient });
    type("zzqx");
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("No matches for “zzqx”.");
    expect(screen.getByRole("link", { name: "Browse all products" }).getAttribute("href")).toBe("/search");
  });

  it("shows the corrected words above suggestions found for a misspelling", async () => {
    server.on("catalog.search", () => ({ items: [lamp], total: 1, page: 1, pageSize: 6, correctedQuery: "lamp" }));
    renderPage(SearchBox, { path: "/", url: "/", queryClient });
    type("lmap");
    expect(await screen.findByRole("option", { name: /Desk Lamp/ })).toBeTruthy();
    expect(screen.getByText("Showing results for “lamp”")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("does not claim no matches for text it has not searched yet", async () => {
    server.on("catalog.search", (input: { q: string }) =>
      input.q === "desk"
        ? { items: [lamp], total: 1, page: 1, pageSize: 6, correctedQuery: null }
        : { items: [], total: 0, page: 1, pageSize: 6, correctedQuery: null },
    );
    renderPage(SearchBox, { path: "/", url: "/", queryClient });
    type("desk");
    expect(await screen.findByRole("option", { name: /Desk Lamp/ })).toBeTruthy();
    type("deskzz");
    await waitFor(() => expect(screen.queryByRole("status")).not.toBeNull());
    expect(screen.queryByRole("option")).toBeNull();
  });

  it("says in words when the shop cannot be reached, and tries again when asked", async () => {
    server.on("catalog.search", () => ({ items: [lamp], total: 1, page: 1, pageSize: 6, correctedQuery: null }));
    server.setReachable(false);
    renderPage(SearchBox, { path: "/", url: "/", queryClient });
    type("desk");
    // Waits allow for a busy machine: the failure, then the answer, each take a round trip and a render.
    const status = await screen.findByRole("status", {}, { timeout: 5_000 });
    expect(status.textContent).toContain("We can't reach the shop. Check your connection and try again.");
    server.setReachable(true);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("option", { name: /Desk Lamp/ }, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });
});
