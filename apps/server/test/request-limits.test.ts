/**
 * Every request is bounded, and only the requests a browser cannot forge reach a cookie's powers:
 * batch size, body size before parsing, guest carts per address, JSON only on JSON procedures,
 * and Origin on cookie-authenticated mutations.
 */
import { GUEST_CARTS_PER_ADDRESS } from "@shopwright/api/server";
import { createProduct, testConfig } from "@shopwright/api/testing";
import { cartTables } from "@shopwright/db/tables/cart";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, trpcCall, trpcRequest } from "./harness.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let productId: string;
beforeAll(async () => {
  t = await createTestApp({ trustProxy: 1 });
  productId = (await createProduct(t.db, { stock: 50 })).id;
});
afterAll(() => t.close());

const cartCount = async () => (await t.db.orm.select().from(cartTables(t.db).carts)).length;
let hosts = 0;
/** A client address of its own (the app trusts one proxy), so limits of one test stay in it. */
const fromNewAddress = () => ({ "x-forwarded-for": `203.0.113.${++hosts}` });
const errorMessage = async (res: Response) =>
  ((await res.json()) as { error: { json: { message: string } } }).error.json.message;

describe("tRPC batches", () => {
  const addItems = (n: number) =>
    t.app.request(`/trpc/${Array(n).fill("cart.addItem").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", ...fromNewAddress() },
      body: JSON.stringify(
        Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { productId, quantity: 1 } }])),
      ),
    });

  it("refuses a POST batch over the limit before running any of it", async () => {
    const before = await cartCount();
    const res = await addItems(21);
    expect(res.status).toBe(400);
    expect(await errorMessage(res)).toBe("A batch may hold at most 20 calls");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await cartCount()).toBe(before);
  });

  it("refuses a GET batch over the limit, and serves one at the limit", async () => {
    const get = (n: number) => {
      const input = JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }])));
      return t.app.request(
        `/trpc/${Array(n).fill("catalog.categories").join(",")}?batch=1&input=${encodeURIComponent(input)}`,
      );
    };
    const over = await get(800);
    expect(over.status).toBe(400);
    expect(await errorMessage(over)).toBe("A batch may hold at most 20 calls");
    expect((await get(20)).status).toBe(200);
  });
});

describe("body limits, checked before the body is read", () => {
  const big = `decision=approve&pad=${"x".repeat(2 * 1024 * 1024)}`;

  it.each([
    ["/mockpay/pay/gwp_missing", "application/x-www-form-urlencoded"],
    ["/mockpay/api/payments", "application/json"],
    ["/webhooks/payments", "application/json"],
    ["/trpc/auth.login", "application/json"],
  ])("POST %s with 2 MB is 413", async (path, type) => {
    const res = await t.app.request(path, {
      method: "POST",
      body: big,
      headers: { "content-type": type, "content-length": String(big.length) },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Request body too large");
  });
});

describe("guest carts", () => {
  it("are limited per address; another address is unaffected", async () => {
    const address = fromNewAddress();
    // The address has opened all but one of its carts this hour (as that many calls would have).
    const resetAt = new Date(Date.now() + 60_000);
    const key = `cart:new:${address["x-forwarded-for"]}`;
    await t.db.orm
      .insert(rateLimitTables(t.db).rateLimits)
      .values({ key, count: GUEST_CARTS_PER_ADDRESS.limit - 1, resetAt });
    const add = (headers: Record<string, string>) =>
      trpcCall(t.app, "cart.addItem", { productId, quantity: 1 }, { headers });
    expect((await add(address)).status).toBe(200);
    const before = await cartCount();
    const refused = await add(address);
    expect([refused.status, refused.code]).toEqual([429, "TOO_MANY_REQUESTS"]);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await cartCount()).toBe(before);
    expect((await add(fromNewAddress())).status).toBe(200);
  });
});

describe("content types", () => {
  async function signedInCookie() {
    const email = `ct${++hosts}@example.com`;
    const res = await trpcCall(
      t.app,
      "auth.register",
      { email, password: "correct horse battery", name: "C" },
      { headers: fromNewAddress() },
    );
    return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }

  it("refuses multipart and text bodies on JSON procedures: a cross-site form cannot rotate the refresh cookie", async () => {
    const cookie = await signedInCookie();
    const form = new FormData();
    form.set("refreshToken", "x");
    for (const init of [
      { body: form },
      { body: "{}", headers: { "content-type": "text/plain" } },
      { body: "refreshToken=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
    ]) {
      const res = await t.app.request("/trpc/auth.refresh", {
        method: "POST",
        ...init,
        headers: { ...init.headers, cookie },
      });
      expect(res.status).toBe(415);
      expect(await res.text()).toContain("application/json");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const json = await trpcCall(t.app, "auth.refresh", {}, { headers: { cookie } });
    expect(json.status).toBe(200);
  });

  it("lets multipart through to the image upload only", async () => {
    const form = new FormData();
    form.set("productId", productId);
    const res = await t.app.request("/trpc/admin.products.uploadImage", { method: "POST", body: form });
    // Past the content-type gate: the procedure itself answers (no admin signed in).
    expect(res.status).toBe(401);
  });
});

describe("Origin on cookie-authenticated mutations", () => {
  async function cookie() {
    const res = await trpcCall(
      t.app,
      "auth.register",
      { email: `origin${++hosts}@example.com`, password: "correct horse battery", name: "O" },
      { headers: fromNewAddress() },
    );
    return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }

  it("refuses a mutation carrying cookies from another origin", async () => {
    const sent = await cookie();
    const res = await trpcRequest(
      t.app,
      "auth.refresh",
      {},
      { headers: { cookie: sent, origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("must come from the shop's own pages");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("accepts the shop's own origin, and scripts that send no Origin", async () => {
    const first = await trpcCall(
      t.app,
      "auth.refresh",
      {},
      { headers: { cookie: await cookie(), origin: new URL(testConfig.publicUrl).origin } },
    );
    expect(first.status).toBe(200);
    expect((await trpcCall(t.app, "auth.refresh", {}, { headers: { cookie: await cookie() } })).status).toBe(200);
  });
});
