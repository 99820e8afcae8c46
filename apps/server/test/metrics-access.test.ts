/**
 * /metrics (checkout counts, error rates, process data) is served only to whom it is meant for:
 * a scraper holding METRICS_TOKEN, or anyone who can reach the loopback METRICS_PORT.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsLine, startMetricsListener } from "../src/metrics-endpoint.ts";
import { createTestApp } from "./harness.ts";

const token = "scrape-token-0123456789abcdef";

describe("/metrics on the shop's port", () => {
  let open: Awaited<ReturnType<typeof createTestApp>>;
  let guarded: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    open = await createTestApp();
    guarded = await createTestApp({ db: open.db, deps: { metricsToken: token } });
  });
  afterAll(() => open.close());

  it("is not served when no token is configured", async () => {
    const res = await open.app.request("/metrics");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("process_cpu");
  });

  it("needs the bearer token when one is configured", async () => {
    for (const authorization of [undefined, "Bearer wrong-token", `Basic ${token}`, `Bearer ${token}x`]) {
      const res = await guarded.app.request("/metrics", { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain("process_cpu");
    }
    const res = await guarded.app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toContain("http_request_duration_seconds");
  });
});

describe("METRICS_PORT", () => {
  it("serves /metrics without a token on a loopback listener, and nothing else", async () => {
    const { metrics, close } = await createTestApp();
    const listener = await startMetricsListener(metrics, 0);
    try {
      expect(listener.address).toBe("127.0.0.1");
      const base = `http://127.0.0.1:${listener.port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("process_cpu");
      expect((await fetch(`${base}/trpc/catalog.categories`)).status).toBe(404);
    } finally {
      await listener.close();
      await close();
    }
  });

  it("is what `pnpm start` prints", () => {
    const publicUrl = "http://127.0.0.1:3000";
    expect(metricsLine({ publicUrl })).toMatch(/off/);
    expect(metricsLine({ publicUrl, token })).toBe(`${publicUrl}/metrics (Authorization: Bearer $METRICS_TOKEN)`);
    expect(metricsLine({ publicUrl, port: 9464 })).toBe("http://127.0.0.1:9464/metrics (loopback only)");
    expect(metricsLine({ publicUrl, port: 9464, token })).toBe(
      `http://127.0.0.1:9464/metrics (loopback only), ${publicUrl}/metrics (Authorization: Bearer $METRICS_TOKEN)`,
    );
  });
});
