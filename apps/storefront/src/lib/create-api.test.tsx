import { describe, expect, it } from "vitest";
import { createFakeServer, FAKE_URL, FakeError } from "../test-utils/fake-server.ts";
import { createApi } from "./create-api.ts";

function setup() {
  const server = createFakeServer();
  const api = createApi({ url: FAKE_URL, fetch: server.fetch });
  return { server, api };
}

describe("the storefront's API client", () => {
  it("restores the session through the refresh cookie and sends the token as a bearer", async () => {
    const { server, api } = setup();
    server.on("auth.refresh", () => ({ accessToken: "token-1", accessTokenExpiresAt: new Date() }));
    server.on("auth.me", (_input, call) => ({ email: "ada@example.com", auth: call.headers.get("authorization") }));

    await api.session.renew();
    expect(api.session.status()).toBe("signedIn");
    await expect(api.client.auth.me.query()).resolves.toMatchObject({ auth: "Bearer token-1" });
  });

  it("refreshes once and retries when the access token has expired", async () => {
    const { server, api } = setup();
    api.session.signIn("expired");
    let refreshes = 0;
    server.on("auth.refresh", () => ({ accessToken: `fresh-${++refreshes}` }));
    server.on("auth.me", (_input, call) => {
      if (call.headers.get("authorization") !== "Bearer fresh-1") throw new FakeError("UNAUTHORIZED", "expired");
      return { email: "ada@example.com" };
    });

    const [a, b] = await Promise.all([api.client.auth.me.query(), api.client.auth.me.query()]);
    expect(a).toEqual({ email: "ada@example.com" });
    expect(b).toEqual({ email: "ada@example.com" });
    expect(refreshes).toBe(1);
    expect(api.session.accessToken).toBe("fresh-1");
  });

  it("signs out when the refresh token is gone instead of retrying forever", async () => {
    const { server, api } = setup();
    api.session.signIn("expired");
    server.on("auth.refresh", () => {
      throw new FakeError("UNAUTHORIZED", "no session");
    });
    server.on("orders.list", () => {
      throw new FakeError("UNAUTHORIZED", "expired");
    });

    await expect(api.client.orders.list.query({})).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect(api.session.status()).toBe("signedOut");
    expect(server.callsTo("orders.list")).toHaveLength(2);
  });

  it("carries the guest cart token", async () => {
    const { server, api } = setup();
    api.session.cartToken = "guest-cart";
    server.on("cart.get", (_input, call) => ({ token: call.headers.get("x-cart-token") }));
    await expect(api.client.cart.get.query()).resolves.toEqual({ token: "guest-cart" });
    api.session.cartToken = null;
  });
});
