/** Builds the real HTTP app over a fresh test database, for `app.request()` tests. */
import type { ApiConfig } from "@shopwright/api/server";
import { openShipping, testConfig } from "@shopwright/api/testing";
import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { type AppDeps, createApp } from "../src/app.ts";
import { type AppLogger, createLogger } from "../src/logger.ts";
import { createMetrics } from "../src/metrics.ts";

/**
 * `config` overrides the test config, e.g. to point the payment gateway at a listening server;
 * `deps` overrides the rest of what the app is built from (built SPAs, a metrics token).
 */
export async function createTestApp(
  options: {
    trustProxy?: number;
    db?: Db;
    config?: Partial<ApiConfig>;
    logger?: AppLogger;
    catalogCache?: AppDeps["catalogCache"];
    benchCeiling?: boolean;
    deps?: Partial<AppDeps>;
  } = {},
) {
  const db = options.db ?? (await createTestDb());
  // A shop with no shipping zone ships nowhere; the harness's own shop ships to the test address.
  if (!options.db) await openShipping(db);
  const metrics = createMetrics();
  const app = createApp({
    db,
    config: { ...testConfig, ...options.config },
    logger: options.logger ?? createLogger("silent"),
    metrics,
    trustProxy: options.trustProxy ?? 0,
    catalogCache: options.catalogCache,
    benchCeiling: options.benchCeiling,
    tls: false,
    paths: { storefront: "/nonexistent", admin: "/nonexistent" },
    ...options.deps,
  });
  return { app, db, metrics, close: () => db.close() };
}

/** Calls a tRPC procedure over HTTP the way @trpc/client does (superjson-encoded JSON). */
export function trpcRequest(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  procedure: string,
  input: unknown,
  init: { method?: "GET" | "POST"; headers?: Record<string, string> } = {},
) {
  const method = init.method ?? "POST";
  const body = JSON.stringify({ json: input });
  if (method === "GET") {
    return app.request(`/trpc/${procedure}?input=${encodeURIComponent(body)}`, { headers: init.headers });
  }
  return app.request(`/trpc/${procedure}`, {
    method,
    body,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

/** A tRPC call over HTTP, decoded: the status, the result data or the error's code and words, the headers. */
export async function trpcCall<Data = Record<string, unknown>>(
  app: Parameters<typeof trpcRequest>[0],
  procedure: string,
  input: unknown,
  init: Parameters<typeof trpcRequest>[3] = {},
) {
  const res = await trpcRequest(app, procedure, input, init);
  const body = (await res.json()) as {
    result?: { data: { json: Data } };
    error?: { json: { message: string; data: { code: string; details: Record<string, unknown> | null } } };
  };
  return {
    status: res.status,
    data: body.result?.data.json,
    code: body.error?.json.data.code,
    message: body.error?.json.message,
    details: body.error?.json.data.details,
    headers: res.headers,
  };
}

export const bearer = (token: unknown) => ({ headers: { authorization: `Bearer ${String(token)}` } });
