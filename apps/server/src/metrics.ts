/**
 * Prometheus metrics, one registry per app instance (tests build several). HTTP requests are
 * labelled by route pattern, never by raw path, so the label set stays bounded; tRPC calls are
 * measured again one procedure at a time, since one HTTP request may batch several.
 */
import type { ProcedureObserver } from "@shopwright/api/server";
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
    procedureDuration: new Histogram({
      name: "trpc_procedure_duration_seconds",
      help: "tRPC procedure duration by procedure and outcome (OK or the error code)",
      labelNames: ["procedure", "code"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    checkouts: new Counter({
      name: "checkouts_total",
      help: "Checkouts by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    catalogReads: new Counter({
      name: "catalog_reads_total",
      help: "Public catalog reads by the database that answered (replica or primary) and why",
      labelNames: ["database", "reason"] as const,
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

/** Records procedure calls; checkouts are also counted by outcome (placed, or the error code). */
export function procedureObserver(metrics: Metrics): ProcedureObserver {
  return {
    observe(procedure, seconds, code) {
      metrics.procedureDuration.observe({ procedure, code }, seconds);
      if (procedure === "orders.checkout") metrics.checkouts.inc({ outcome: code === "OK" ? "placed" : code });
    },
  };
}
