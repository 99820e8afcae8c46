import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server } from "../test-utils/stub-api.ts";
import { FindOrderPage } from "./find-order-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

const ANSWER = "If that order is yours, we’ve emailed you a link to it.";

async function ask(email: string, number: string) {
  renderPage(FindOrderPage, { path: "/find-order", url: "/find-order", queryClient });
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Order number"), { target: { value: number } });
  fireEvent.click(screen.getByRole("button", { name: "Email me the link" }));
}

describe("find my order", () => {
  it("answers a matching and a wrong order number with the same sentence and nothing more", async () => {
    // The shop emails the link only for the real order; its answer is the same either way.
    server.on("orders.findMyOrder", () => ({ ok: true }));
    const pages: string[] = [];
    for (const number of ["#1042", "9999"]) {
      await ask("ada@example.com", number);
      await screen.findByText(ANSWER);
      pages.push(document.body.innerHTML);
      cleanup();
    }
    expect(pages[0]).toBe(pages[1]);
    expect(server.callsTo("orders.findMyOrder").map((call) => call.input)).toEqual([
      { email: "ada@example.com", number: 1042 },
      { email: "ada@example.com", number: 9999 },
    ]);
  });

  it("says in words what is wrong with a malformed email or number, and sends nothing", async () => {
    await ask("ada@", "order 12");
    const [email, number] = ["Email", "Order number"].map((label) => screen.getByLabelText(label));
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(number!.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter the order number from your confirmation email, such as #1042")).toBeTruthy();
    expect(server.callsTo("orders.findMyOrder")).toEqual([]);
  });
});
