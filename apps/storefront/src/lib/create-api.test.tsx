import { SESSION_HINT_COOKIE } from "@shopwright/client";
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStubShop, STUB_ORIGIN } from "../test-utils/stub-shop.ts";
import { createApi } from "./create-api.ts";

function setup() {
  const server = createStubShop();
  const api = createApi({ url: STUB_ORIGIN, fetch: server.fetch });
  return { server, api };
}

/** What the server's Set-Cookie leaves behind after a sign-in: the page-readable session hint. */
const setSessionHint = (present: boolean) => {
  // A date in the past, not max-age=0: happy-dom keeps a cookie until a millisecond after it expires,
  // so one removed with max-age=0 was still read in the same millisecond (it failed CI once).
  // biome-ignore lint/suspicious/noDocumentCookie: plays the server's Set-Cookie; happy-dom has no cookieStore
  document.cookie = present
    ? `${SESSION_HINT_COOKIE}=1; path=/`
    : `${SESSION_HINT_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
};

describe("the storefront's session", () => {
  // The hint is a cookie of the whole test document: each test starts without one, whatever ran before.
  beforeEach(() => setSessionHint(false));
  afterEach(() => setSessionHint(false));

  it("is restoring until the refresh cookie has been tried, then signed in with the token in memory", async () => {
    const { server, api } = setup();
    setSessionHint(true);
    server.on("auth.refresh", () => ({ accessToken: "token-1", accessTokenExpiresAt: new Date() }));
    server.on("auth.me", (_input, call) => ({ auth: call.headers.get("authorization") }));

    expect(api.session.state.get().status).toBe("restoring");
    await api.session.restore(() => api.shop.restoreSession());
    expect(api.session.state.get().status).toBe("signedIn");
    await expect(api.shop.trpc.auth.me.query()).resolves.toEqual({ auth: "Bearer token-1" });
  });

  it("is signed out when the session to restore has ended", async () => {
    const { server, api } = setup();
    setSessionHint(true);
    server.on("auth.refresh", () => {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "no session" });
    });
    await api.session.restore(() => api.shop.restoreSession());
    expect(api.session.state.get().status).toBe("signedOut");
  });

  it("is signed out at once, without a refresh call bound to fail, for a guest with no session hint", async () => {
    const { server, api } = setup();
    server.on("auth.refresh", () => ({ accessToken: "token-1", accessTokenExpiresAt: new Date() }));
    await api.session.restore(() => api.shop.restoreSession());
    expect(api.session.state.get().status).toBe("signedOut");
    expect(server.callsTo("auth.refresh")).toEqual([]);
  });

  it("refreshes once for calls that fail together on an expired token, and retries them", async () => {
    const { server, api } = setup();
    api.session.set({ accessToken: "expired" });
    let refreshes = 0;
    server.on("auth.refresh", () => ({ accessToken: `fresh-${++refreshes}`, accessTokenExpiresAt: new Date() }));
    server.on("auth.me", (_input, call) => {
      if (call.headers.get("authorization") !== "Bearer fresh-1")
        throw new TRPCError({ code: "UNAUTHORIZED", message: "expired" });
      return { email: "ada@example.com" };
    });

    const [a, b] = await Promise.all([api.shop.trpc.auth.me.query(), api.shop.trpc.auth.me.query()]);
    expect([a, b]).toEqual([{ email: "ada@example.com" }, { email: "ada@example.com" }]);
    expect(refreshes).toBe(1);
    expect(api.session.accessToken).toBe("fresh-1");
  });

  it("keeps the guest cart token a first addItem returns and sends it along", async () => {
    const { server, api } = setup();
    server.on("cart.addItem", () => ({ cartToken: "guest-cart", items: [], subtotalCents: 0 }));
    server.on("cart.get", (_input, call) => ({ token: call.headers.get("x-cart-token") }));
    await api.shop.trpc.cart.addItem.mutate({ productId: "prod_1", quantity: 1 });
    await expect(api.shop.trpc.cart.get.query()).resolves.toEqual({ token: "guest-cart" });
    expect(localStorage.getItem("sw_cart_token")).toBe("guest-cart");
    api.session.set({});
  });
});
