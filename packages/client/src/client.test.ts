import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { closedPort } from "../test/closed-port.ts";
import { createFakeShop, type FakeShopRouter } from "../test/fake-shop.ts";
import { createShopClient } from "./client.ts";
import { describeError, isNetworkError, isRefusal, isShopError, NetworkError, requestIdOf } from "./errors.ts";
import { memoryTokenStore } from "./tokens.ts";

const credentials = { email: "ada@example.com", password: "correct horse" };

function setup(options: { tokenDelivery?: "cookie" | "body" } = {}) {
  const shop = createFakeShop();
  const requestIds: string[] = [];
  const store = memoryTokenStore();
  const client = createShopClient<FakeShopRouter>({
    url: "http://shop.test/",
    fetch: shop.fetch,
    tokenStore: store,
    tokenDelivery: options.tokenDelivery ?? "body",
    onRequestId: (id) => requestIds.push(id),
  });
  /** Makes the server forget the current access token, as if it had expired. */
  const expireAccessToken = () => {
    shop.state.accessToken = `expired-${shop.state.generation}`;
  };
  return { shop, client, store, requestIds, expireAccessToken };
}

describe("createShopClient", () => {
  it("signs in with the refresh token in the body and keeps both tokens", async () => {
    const { client, store } = setup();
    const signedIn = await client.login(credentials);
    expect(signedIn.user.email).toBe("ada@example.com");
    expect(store.get()).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });
    expect(client.signedIn).toBe(true);
    await expect(client.trpc.orders.list.query()).resolves.toEqual({ items: [{ id: "ord_1" }] });
  });

  it("refreshes once and retries when the access token has expired, for calls that fail together", async () => {
    const { shop, client, expireAccessToken } = setup();
    await client.login(credentials);
    expireAccessToken();
    shop.state.refreshDelayMs = 20;
    const results = await Promise.all([
      client.trpc.orders.list.query(),
      client.trpc.orders.list.query(),
      client.trpc.orders.list.query(),
    ]);
    expect(results).toHaveLength(3);
    expect(shop.state.refreshCalls).toBe(1);
    expect(client.tokens).toMatchObject({ accessToken: "access-3", refreshToken: "refresh-3" });
  });

  it("retries only once: a call still UNAUTHORIZED after the refresh fails", async () => {
    const { shop, client } = setup();
    await client.login(credentials);
    shop.state.rejectAllAccess = true;
    const error = await client.trpc.orders.list.query().catch((err: unknown) => err);
    expect(isShopError(error, "UNAUTHORIZED")).toBe(true);
    expect(shop.state.refreshCalls).toBe(1);
  });

  it("signs out when the refresh token is no longer accepted", async () => {
    const { shop, client, expireAccessToken } = setup();
    await client.login(credentials);
    expireAccessToken();
    shop.state.refreshToken = "revoked";
    const error = await client.trpc.orders.list.query().catch((err: unknown) => err);
    expect(isShopError(error, "UNAUTHORIZED")).toBe(true);
    expect(client.signedIn).toBe(false);
    expect(client.tokens.refreshToken).toBeUndefined();
  });

  it("does not refresh after wrong credentials", async () => {
    const { shop, client } = setup();
    const error = await client.login({ ...credentials, password: "wrong" }).catch((err: unknown) => err);
    expect(isShopError(error, "UNAUTHORIZED")).toBe(true);
    expect(shop.state.refreshCalls).toBe(0);
    expect(client.signedIn).toBe(false);
  });

  it("carries the guest cart token across calls and hands it to login, then drops it", async () => {
    const { shop, client } = setup();
    await client.trpc.cart.addItem.mutate({ productId: "prd_1", quantity: 1 });
    await client.trpc.cart.addItem.mutate({ productId: "prd_2", quantity: 1 });
    expect(shop.state.cartTokensSeen).toEqual([undefined, "cart-guest-1"]);
    await client.login(credentials);
    expect(shop.state.loginCartTokens).toEqual(["cart-guest-1"]);
    expect(client.tokens.cartToken).toBeUndefined();
    await client.trpc.cart.addItem.mutate({ productId: "prd_3", quantity: 1 });
    expect(shop.state.cartTokensSeen.at(-1)).toBeUndefined();
  });

  it("tells error codes apart and exposes details and the request id", async () => {
    const { client } = setup();
    await client.login(credentials);
    const conflict = await client.trpc.cart.addItem
      .mutate({ productId: "prd_1", quantity: 9 })
      .catch((e: unknown) => e);
    expect(isShopError(conflict, "CONFLICT")).toBe(true);
    expect(isShopError(conflict, "NOT_FOUND")).toBe(false);
    if (!isShopError<FakeShopRouter>(conflict)) throw new Error("expected a ShopError");
    expect(conflict.data?.details).toEqual({ available: 5 });
    expect(requestIdOf(conflict)).toBe(client.lastRequestId);

    const missing = await client.trpc.orders.byId.query({ id: "ord_x" }).catch((e: unknown) => e);
    expect(isShopError(missing, "NOT_FOUND")).toBe(true);
    expect(isShopError(new Error("NOT_FOUND"), "NOT_FOUND")).toBe(false);
    // A refusal (4xx) is not worth asking again; anything that is not the shop's answer might be.
    expect([isRefusal(conflict), isRefusal(missing), isRefusal(new TypeError("fetch failed"))]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("sends a file as a multipart form on its own, while other calls stay batched JSON", async () => {
    const { client } = setup();
    await client.login(credentials);
    const form = new FormData();
    form.set("image", new File([new Uint8Array(1234)], "photo.jpg"));
    const [uploaded, orders] = await Promise.all([
      client.trpc.images.upload.mutate(form),
      client.trpc.orders.list.query(),
    ]);
    expect(uploaded).toEqual({ name: "photo.jpg", bytes: 1234 });
    expect(orders.items).toHaveLength(1);
  });

  it("reports the request id of every response", async () => {
    const { client, requestIds } = setup();
    await client.login(credentials);
    await client.trpc.orders.list.query();
    expect(requestIds).toEqual(["req-1", "req-2"]);
    expect(client.lastRequestId).toBe("req-2");
  });

  it("calls fetch as a plain function, as a browser's window.fetch requires", async () => {
    const shop = createFakeShop();
    const browserLikeFetch = function (this: unknown, input: string | URL | Request, init?: RequestInit) {
      if (this !== undefined && this !== globalThis)
        throw new TypeError("Failed to execute 'fetch': Illegal invocation");
      return shop.fetch(input, init);
    };
    const client = createShopClient<FakeShopRouter>({ url: "http://shop.test", fetch: browserLikeFetch });
    await expect(client.login(credentials)).resolves.toMatchObject({ user: { email: "ada@example.com" } });
  });

  it("logs out on the server and forgets the tokens", async () => {
    const { shop, client, store } = setup();
    await client.login(credentials);
    await client.logout();
    expect(shop.state.loggedOut).toBe(true);
    expect(store.get()).toEqual({});
    await expect(client.logout()).resolves.toBeUndefined();
  });

  it("restores a browser session from the refresh cookie", async () => {
    const { shop, client } = setup({ tokenDelivery: "cookie" });
    await client.login(credentials);
    expect(client.tokens.refreshToken).toBeUndefined();
    expect(shop.state.refreshCookieSet).toBe(true);

    const reloaded = createShopClient<FakeShopRouter>({
      url: "http://shop.test",
      fetch: shop.fetch,
      tokenDelivery: "cookie",
    });
    expect(reloaded.signedIn).toBe(false);
    await expect(reloaded.restoreSession()).resolves.toBe(true);
    await expect(reloaded.trpc.orders.list.query()).resolves.toBeDefined();

    const another = createShopClient<FakeShopRouter>({
      url: "http://shop.test",
      fetch: shop.fetch,
      tokenDelivery: "cookie",
    });
    await another.logout();
    expect(shop.state.loggedOut).toBe(true);

    shop.state.refreshCookieSet = false;
    const stranger = createShopClient<FakeShopRouter>({
      url: "http://shop.test",
      fetch: shop.fetch,
      tokenDelivery: "cookie",
    });
    await expect(stranger.restoreSession()).resolves.toBe(false);
  });

  it("prints a shop error as one line with its code, message and request id", async () => {
    const { client } = setup();
    await client.login(credentials);
    const conflict = await client.trpc.cart.addItem
      .mutate({ productId: "prd_1", quantity: 9 })
      .catch((e: unknown) => e);
    const line = `CONFLICT: Not enough stock (request id ${client.lastRequestId})`;
    expect(describeError(conflict)).toBe(line);
    expect(inspect(conflict)).toBe(`[TRPCClientError: ${line}]`);
    // Nothing is lost by printing less.
    expect(isShopError(conflict) && conflict.data?.details).toEqual({ available: 5 });
  });

  it("fails with a NetworkError, not a ShopError, when the shop cannot be reached, naming the reason", async () => {
    const port = await closedPort();
    const client = createShopClient<FakeShopRouter>({ url: `http://127.0.0.1:${port}/` });
    const error = await client.trpc.orders.list.query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect([isNetworkError(error), isShopError(error), isRefusal(error)]).toEqual([true, false, false]);
    expect(error).toMatchObject({
      name: "NetworkError",
      code: "ECONNREFUSED",
      message: `Could not reach the shop at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
    expect(inspect(error)).toBe(`[NetworkError: ${(error as Error).message}]`);
    // A failed login is no wrong password: the session is untouched and nothing was refreshed.
    await expect(client.login(credentials)).rejects.toBeInstanceOf(NetworkError);
  });
});
