/** A guest fills a cart over plain HTTP, logs in, and finds it merged. */
import { createProduct } from "@shopwright/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, trpcCall } from "./harness.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("a guest cart over HTTP", () => {
  it("is kept under a token, survives to login, and merges into the user's cart with stock caps", async () => {
    const { id: headphones } = await createProduct(t.db, { name: "Headphones", stock: 3, priceCents: 1_999 });
    const { id: cable } = await createProduct(t.db, { name: "Cable", stock: 10, priceCents: 1_999 });
    const email = "guest-to-user@example.com";
    const password = "correct horse battery";

    // The user already has one pair of headphones in their cart from another device.
    const registered = await trpcCall(t.app, "auth.register", {
      email,
      password,
      name: "Guest",
      tokenDelivery: "body",
    });
    await trpcCall(t.app, "cart.addItem", { productId: headphones, quantity: 1 }, bearer(registered.data?.accessToken));

    const first = await trpcCall<{ cartToken: string }>(t.app, "cart.addItem", { productId: headphones, quantity: 3 });
    expect(first.status).toBe(200);
    const cartToken = first.data!.cartToken;
    expect(first.headers.get("set-cookie")).toMatch(/^sw_cart=[\w-]+;.*HttpOnly/);
    const asGuest = { headers: { "x-cart-token": cartToken } };
    expect((await trpcCall(t.app, "cart.addItem", { productId: cable, quantity: 2 }, asGuest)).status).toBe(200);
    // Another guest asks for more than the stock: gets what there is, and is told.
    const tooMany = await trpcCall<{ adjusted: unknown; cartToken: string }>(t.app, "cart.addItem", {
      productId: cable,
      quantity: 99,
    });
    expect([tooMany.status, tooMany.data?.adjusted]).toEqual([
      200,
      { productId: cable, variantId: expect.any(String), requested: 99, quantity: 10, available: 10 },
    ]);
    const asOther = { headers: { "x-cart-token": tooMany.data!.cartToken } };
    const noneLeft = await trpcCall(t.app, "cart.addItem", { productId: cable, quantity: 1 }, asOther);
    expect([noneLeft.status, noneLeft.code, noneLeft.details]).toEqual([409, "CONFLICT", { available: 10 }]);
    const guestCart = await trpcCall<{ items: unknown[]; subtotalCents: number }>(t.app, "cart.get", undefined, {
      method: "GET",
      ...asGuest,
    });
    expect(guestCart.data?.subtotalCents).toBe(5 * 1_999);

    const login = await trpcCall(t.app, "auth.login", { email, password, tokenDelivery: "body", cartToken });
    expect(login.status).toBe(200);
    const merged = await trpcCall<{ items: { productId: string; quantity: number }[] }>(t.app, "cart.get", undefined, {
      method: "GET",
      ...bearer(login.data?.accessToken),
    });
    const quantities = Object.fromEntries(merged.data!.items.map((i) => [i.productId, i.quantity]));
    // 1 + 3 headphones, capped at the 3 in stock; the cable line comes over as it was.
    expect(quantities).toEqual({ [headphones]: 3, [cable]: 2 });

    // The guest cart was consumed: its token now opens an empty cart.
    const replay = await trpcCall<{ items: unknown[] }>(t.app, "cart.get", undefined, { method: "GET", ...asGuest });
    expect(replay.data?.items).toEqual([]);
  });
});
