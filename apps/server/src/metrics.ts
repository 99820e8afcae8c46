/**
 * Prometheus metrics, one registry per app instance (tests build several). Request duration is
 * labelled by procedure for tRPC calls and by route pattern elsewhere, never by raw path, so the
 * label set stays bounded.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration by procedure or route, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    procedureErrors: new Counter({
      name: "trpc_errors_total",
      help: "tRPC procedure errors by procedure and code",
      labelNames: ["procedure", "code"] as const,
      registers: [registry],
    }),
    checkouts: new Counter({
      name: "checkouts_total",
      help: "Checkouts by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    jobs: new Counter({
      name: "jobs_total",
      help: "Background jobs finished, by task and outcome",
      labelNames: ["task", "outcome"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The route label for a request: tRPC procedure names (batched calls joined), else the pattern. */
export function routeLabel(path: string, routePattern: string): string {
  if (path.startsWith("/trpc/")) return `trpc:${decodeURIComponent(path.slice("/trpc/".length))}`;
  return routePattern;
}
