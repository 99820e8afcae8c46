import { trpcServer } from "@hono/trpc-server";
import type { ApiConfig, Context as ApiContext, CatalogReader, Logger, PaymentGateway } from "@shopwright/api/server";
import {
  API_PATH,
  CART_COOKIE,
  CART_TOKEN_HEADER,
  cacheableCatalogQueries,
  createAppRouter,
  createBenchCeilingRouter,
  DomainError,
  hasForeignCause,
  MAX_BATCH_SIZE,
  secureCookies,
} from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { serialize } from "hono/utils/cookie";
import { clientIp } from "./client-ip.ts";
import { type Metrics, procedureObserver } from "./metrics.ts";

export interface TrpcDeps {
  db: Db;
  /** Where public catalog reads run, when a read replica is configured. */
  readCatalog?: CatalogReader | undefined;
  config: ApiConfig;
  /** For errors raised before a call has its own request logger. */
  logger: Logger;
  metrics: Metrics;
  trustProxy: number;
  gateway: PaymentGateway;
  /** Mounts `bench.ceiling` (BENCH_CEILING=on, set by the bench only). */
  benchCeiling?: boolean;
}

/** Mounts every router at /trpc, building each call's context from the HTTP request. */
export function trpcHandler(deps: TrpcDeps) {
  const observer = procedureObserver(deps.metrics);
  const appRouter = createAppRouter({ gateway: deps.gateway });
  return trpcServer({
    router: deps.benchCeiling ? createBenchCeilingRouter(appRouter) : appRouter,
    endpoint: API_PATH,
    maxBatchSize: MAX_BATCH_SIZE,
    // A client sees only a generic message for an internal error, "Malformed request" for a body
    // some parser choked on, or a sentence for an outage (SERVICE_UNAVAILABLE); the cause, stack
    // and request id of every one go to the log, so each can be traced. Expected failures (bad
    // input, a wrong password) are the caller's and are not logged.
    onError: ({ error, path, ctx }) => {
      if (getHTTPStatusCodeFromError(error) < 500 && !hasForeignCause(error)) return;
      (ctx?.log ?? deps.logger).error({ err: error.cause ?? error, procedure: path }, "procedure failed");
    },
    // A rate-limited answer says when to come back, in the header HTTP clients know. Any answer
    // but the public catalog's (which catalog-cache.ts marks cacheable) may be one person's — a
    // session, a cart, an order — so no browser or shared cache may keep it.
    responseMeta: ({ errors, paths }) => {
      const wait = errors
        .map((e) => (e.cause instanceof DomainError ? e.cause.details?.retryAfterSeconds : undefined))
        .find((seconds) => typeof seconds === "number");
      const headers: Record<string, string> = {};
      if (wait !== undefined) headers["retry-after"] = String(wait);
      if (!paths?.every((path) => Object.hasOwn(cacheableCatalogQueries, path))) headers["cache-control"] = "no-store";
      return { headers };
    },
    createContext: (opts, c: Context): ApiContext => {
      const secure = secureCookies(deps.config);
      const authorization = c.req.header("authorization");
      return {
        db: deps.db,
        ...(deps.readCatalog ? { readCatalog: deps.readCatalog } : {}),
        config: deps.config,
        log: c.get("log") as Logger,
        observer,
        req: {
          requestId: c.get("requestId"),
          ip: clientIp(c, deps.trustProxy),
          userAgent: c.req.header("user-agent"),
          accessToken: authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() || undefined : undefined,
          cartToken: c.req.header(CART_TOKEN_HEADER) || getCookie(c, CART_COOKIE) || undefined,
        },
        cookies: {
          get: (name) => getCookie(c, name),
          set: (name, value, options = {}) =>
            opts.resHeaders.append(
              "set-cookie",
              serialize(name, value, {
                httpOnly: !options.readableByPage,
                sameSite: "Strict",
                secure,
                path: options.path ?? "/",
                ...(options.maxAgeSeconds === undefined ? {} : { maxAge: options.maxAgeSeconds }),
              }),
            ),
          delete: (name, options = {}) =>
            opts.resHeaders.append(
              "set-cookie",
              serialize(name, "", { httpOnly: true, sameSite: "Strict", secure, path: options.path ?? "/", maxAge: 0 }),
            ),
        },
      };
    },
  });
}
