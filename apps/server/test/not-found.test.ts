/**
 * Unknown paths are 404 — a missing image, a missing asset, a page neither app has — while the
 * apps' own routes are 200. A page is answered with the app's HTML either way, so the app renders
 * its not-found page while the status tells the truth.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./harness.ts";

const root = mkdtempSync(join(tmpdir(), "shopwright-404-"));
function builtApp(name: string) {
  const dir = join(root, name);
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>${name}</title><div id="root"></div>`);
  writeFileSync(join(dir, "assets", "main-abc123.js"), "console.log(1)");
  return dir;
}

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ deps: { paths: { storefront: builtApp("storefront"), admin: builtApp("admin") } } });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => t.app.request(path);

describe("media", () => {
  it("a missing image is 404 without the storefront's HTML", async () => {
    const missing = await get("/media/products/missing.webp");
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain("<title>storefront</title>");
  });
});

describe("pages", () => {
  it.each(["/", "/search", "/p/brass-desk-lamp", "/cart", "/orders/ord_123", "/account"])(
    "the storefront's %s is 200",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<title>storefront</title>");
    },
  );

  it.each(["/no-such-page", "/p/lamp/extra", "/orders/ord_1/edit", "/wp-login.php"])(
    "%s is 404 with the storefront's HTML, which renders its not-found page",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("<title>storefront</title>");
    },
  );

  it("the admin's routes are 200 and its unknown paths 404, both with the admin's HTML", async () => {
    for (const [path, status] of [
      ["/admin/", 200],
      ["/admin/products/prod_1", 200],
      ["/admin/jobs", 200],
      ["/admin/no-such-page", 404],
    ] as const) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(await res.text()).toContain("<title>admin</title>");
    }
  });

  it("a guest's order page is kept from search engines and shared caches; other pages are not", async () => {
    const guestOrder = await get("/my-order");
    expect(guestOrder.status).toBe(200);
    expect(await guestOrder.text()).toContain("<title>storefront</title>");
    expect(guestOrder.headers.get("x-robots-tag")).toBe("noindex");
    expect(guestOrder.headers.get("cache-control")).toBe("private, no-store");

    const cart = await get("/cart");
    expect(cart.headers.get("x-robots-tag")).toBeNull();
    expect(cart.headers.get("cache-control")).toBe("no-cache");
  });

  it("a missing asset is 404, not HTML; a present one is cached for good", async () => {
    const present = await get("/assets/main-abc123.js");
    expect(present.status).toBe(200);
    expect(present.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/assets/main-old999.js", "/admin/assets/gone.css"]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("<title>");
    }
  });
});
