import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, trpcCall } from "../test/harness.ts";

describe("the HTTP app", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers health and readiness, naming the database", async () => {
    expect((await t.app.request("/healthz")).status).toBe(200);
    const ready = await t.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: t.db.dialect });
  });

  it("is not ready while draining for a stop, and still answers requests meanwhile", async () => {
    let draining = false;
    const d = await createTestApp({ db: t.db, deps: { draining: () => draining } });
    expect((await d.app.request("/readyz")).status).toBe(200);
    draining = true;
    const drained = await d.app.request("/readyz");
    expect(drained.status).toBe(503);
    expect(await drained.json()).toEqual({ ok: false, draining: true });
    expect((await trpcCall(d.app, "catalog.categories", undefined, { method: "GET" })).status).toBe(200);
  });

  it("gives every response a request id, and echoes one the caller sent", async () => {
    const fresh = await t.app.request("/healthz");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.app.request("/healthz", { headers: { "x-request-id": "trace-abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-abc-123");
    const missing = await t.app.request("/no/such/page");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-request-id")).toBeTruthy();
  });

  it("sends security headers", async () => {
    const res = await t.app.request("/healthz");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("answers an unknown procedure with a tRPC error and no internals", async () => {
    const res = await t.app.request("/trpc/nope.nothing", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("NOT_FOUND");
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it("refuses bodies over the limit before parsing them", async () => {
    const res = await t.app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(9 * 1024 * 1024) },
      body: "x".repeat(9 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("only lets the shop's own origin make credentialed cross-origin calls", async () => {
    const own = await t.app.request("/trpc/nope", {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "POST" },
    });
    expect(own.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    const other = await t.app.request("/trpc/nope", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("counts requests in /metrics by route and status", async () => {
    await t.app.request("/healthz");
    const text = await t.metrics.registry.metrics();
    expect(text).toMatch(/http_request_duration_seconds_count\{route="\/healthz",method="GET",status="200"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_count\{route="\/trpc\/\*",method="POST",status="404"\} 1/);
  });

  it("times each procedure of a batched call on its own, by outcome", async () => {
    await t.app.request(`/trpc/auth.me,catalog.categories?batch=1&input=${encodeURIComponent("{}")}`);
    const text = await t.metrics.registry.metrics();
    expect(text).toMatch(/trpc_procedure_duration_seconds_count\{procedure="auth.me",code="UNAUTHORIZED"\} 1/);
  });
});
