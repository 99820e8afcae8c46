import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rememberOrderLink } from "../features/order-link.ts";
import { ADDRESS } from "../test-utils/fixtures.ts";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server, session } from "../test-utils/stub-api.ts";
import { RegisterPage } from "./auth-pages.tsx";
import { GuestOrderPage } from "./guest-order-page.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

beforeAll(() => session.restore(async () => false));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
  sessionStorage.clear();
});

const ORDER = {
  id: "ord_1",
  number: 1042,
  email: "ada@example.com",
  status: "placed",
  trackingNumber: null,
  items: [
    {
      id: "item_1",
      productId: "prod_lamp",
      variantId: "var_lamp",
      sku: "LAMP",
      options: {},
      name: "Desk Lamp",
      unitPriceCents: 2_500,
      quantity: 1,
      lineTotalCents: 2_500,
    },
  ],
  subtotalCents: 2_500,
  discountCents: 0,
  shippingCents: 0,
  taxCents: 0,
  totalCents: 2_500,
  taxIncluded: false,
  shippingMethod: null,
  discount: null,
  taxRate: null,
  shippingAddress: ADDRESS,
  statusHistory: [{ status: "placed", at: new Date("2026-12-07T10:00:00Z"), actor: "customer" }],
  payment: { id: "pay_1", status: "failed", amountCents: 2_500, expiresAt: new Date("2026-12-07T10:30:00Z") },
  paymentUrl: null,
  canRetryPayment: true,
  createdAt: new Date("2026-12-07T10:00:00Z"),
  refundedCents: 0,
  refunds: [],
};

/** The order link's page, and the register page its link leads to. */
const open = (url: string) =>
  renderPage(GuestOrderPage, { path: "/my-order", url, queryClient, others: { "/register": RegisterPage } });

const robots = () => document.head.querySelector('meta[name="robots"]')?.getAttribute("content");

describe("a guest's order link", () => {
  it("opens the order its token names, keeps it out of search engines, and pays again by the token", async () => {
    server.on("orders.byAccessToken", () => ORDER);
    server.on("orders.retryPayment", () => ({ paymentUrl: null }));
    open("/my-order#token=secret-token");
    await screen.findByRole("heading", { level: 1, name: "Order #1042" });
    expect(server.callsTo("orders.byAccessToken")[0]?.input).toEqual({ token: "secret-token" });
    expect(robots()).toBe("noindex");

    fireEvent.click(screen.getByRole("button", { name: "Try paying again" }));
    await waitFor(() => expect(server.callsTo("orders.retryPayment")).toHaveLength(1));
    expect(server.callsTo("orders.retryPayment")[0]?.input).toEqual({ token: "secret-token" });
  });

  it("offers an account for the order's email, and the register page comes with it filled in", async () => {
    server.on("orders.byAccessToken", () => ({ ...ORDER, status: "processing", payment: null }));
    const router = open("/my-order#token=secret-token");
    await screen.findByText("ada@example.com");
    fireEvent.click(screen.getByRole("link", { name: "Create an account" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/register"));
    expect(router.state.location.search).toBe("?next=%2Forders");
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("ada@example.com");
    // The email travels in the page's history state, never in an address a server would log.
    expect(router.state.location.search).not.toContain("ada");
    expect(robots()).toBeUndefined();
  });

  it("back from paying at the bare page, opens the order this tab checked out, and puts its link in the address", async () => {
    server.on("orders.byAccessToken", () => ORDER);
    // What checkout does with its answer's orderToken before leaving for the payment provider.
    rememberOrderLink("checkout-token");
    const router = open("/my-order");
    await screen.findByRole("heading", { level: 1, name: "Order #1042" });
    expect(server.callsTo("orders.byAccessToken").map((call) => call.input)).toEqual([{ token: "checkout-token" }]);
    await waitFor(() => expect(router.state.location.hash).toBe("#token=checkout-token"));
  });

  it("without any token, says the page opens no order and asks the shop nothing", async () => {
    open("/my-order");
    await screen.findByRole("heading", { name: "This link does not open an order" });
    expect(server.callsTo("orders.byAccessToken")).toEqual([]);
  });

  it("says a link that opens nothing does not open an order, and offers Find my order", async () => {
    server.on("orders.byAccessToken", () => {
      throw new TRPCError({ code: "NOT_FOUND", message: "This link does not open an order" });
    });
    open("/my-order#token=guessed");
    await screen.findByRole("heading", { name: "This link does not open an order" });
    expect(screen.getByRole("link", { name: "Find my order" }).getAttribute("href")).toBe("/find-order");
  });
});
