import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compression } from "./compression.ts";

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: `prod_${i}`, name: `Lamp number ${i}` })) };

function app() {
  const app = new Hono();
  app.use(compression());
  app.get("/big", (c) => c.json(big));
  app.get("/small", (c) => c.json({ ok: true }));
  app.get("/png", (c) => c.body(new Uint8Array(4096), 200, { "content-type": "image/png" }));
  app.get("/encoded", (c) => c.body("already", 200, { "content-type": "text/javascript", "content-encoding": "br" }));
  return app;
}

describe("compression", () => {
  it("answers a browser that accepts Brotli with Brotli, and says the answer varies", async () => {
    const res = await app().request("/big", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(body.length).toBeLessThan(JSON.stringify(big).length / 4);
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(big);
  });

  it("falls back to gzip, and sends plain JSON to a client that accepts neither", async () => {
    const gzipped = await app().request("/big", { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString())).toEqual(big);

    const plain = await app().request("/big");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect(await plain.json()).toEqual(big);
  });

  it("leaves small bodies, images and already-encoded files as they are", async () => {
    const headers = { "accept-encoding": "br, gzip" };
    const small = await app().request("/small", { headers });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    expect((await app().request("/png", { headers })).headers.get("content-encoding")).toBeNull();
    const encoded = await app().request("/encoded", { headers });
    expect(encoded.headers.get("content-encoding")).toBe("br");
    expect(await encoded.text()).toBe("already");
  });

  it("honours q-values, including a refusal", () => {
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("gzip;q=1.0, br;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
