/**
 * Who may read /metrics. Its figures (checkouts by outcome, error rates, process data) are for the
 * operator's Prometheus, so the shop's public port serves them only against the bearer token in
 * METRICS_TOKEN; with METRICS_PORT set, a second listener on loopback serves them to whoever can
 * reach that port on the machine (a local scraper or agent) and serves nothing else.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Handler, Hono } from "hono";
import type { Metrics } from "./metrics.ts";

const scrape =
  (metrics: Metrics): Handler =>
  async (c) =>
    c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });

/** Compares digests, so the time taken says nothing about the token's length or content. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** GET /metrics on the shop's own port: 404 without a configured token, 401 without the token. */
export function guardedMetrics(metrics: Metrics, token: string | undefined): Handler {
  const serveMetrics = scrape(metrics);
  return (c, next) => {
    if (!token) return c.notFound();
    const given = c.req.header("authorization") ?? "";
    if (!given.startsWith("Bearer ") || !sameToken(given.slice("Bearer ".length), token)) {
      return c.json({ error: { message: "Metrics need the scrape token" } }, 401, {
        "www-authenticate": 'Bearer realm="metrics"',
      });
    }
    return serveMetrics(c, next);
  };
}

export interface MetricsListener {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Serves GET /metrics alone on 127.0.0.1:`port` (0: any free port). */
export async function startMetricsListener(metrics: Metrics, port: number): Promise<MetricsListener> {
  const app = new Hono();
  app.get("/metrics", scrape(metrics));
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((ready) => server.once("listening", ready));
  const bound = server.address() as AddressInfo;
  return {
    address: bound.address,
    port: bound.port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Where the metrics are, as `pnpm start` prints it. */
export function metricsLine(where: { publicUrl: string; token?: string; port?: number }): string {
  const places = [
    ...(where.port ? [`http://127.0.0.1:${where.port}/metrics (loopback only)`] : []),
    ...(where.token ? [`${where.publicUrl}/metrics (Authorization: Bearer $METRICS_TOKEN)`] : []),
  ];
  return places.join(", ") || "off (set METRICS_TOKEN or METRICS_PORT)";
}
