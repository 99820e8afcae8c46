/**
 * The HTTP application: middleware shared by every route, then the routes — tRPC, health,
 * metrics, media and the two single-page apps. `main.ts` serves it; tests call `app.request()`.
 */
import {
  API_PATH,
  type ApiConfig,
  DATABASE_UNAVAILABLE,
  gatewayApiKey,
  httpPaymentGateway,
  liveStock,
  readCatalogVersion,
} from "@shopwright/api/server";
import { type Db, isDatabaseUnreachable, isMigrated, isUnstorableText } from "@shopwright/db";
import { ADMIN_BASE_PATH, adminRoutes, storefrontRoutes } from "@shopwright/routes";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env.ts";
import { CATALOG_STOCK_LAG_MS, catalogCache } from "./catalog-cache.ts";
import { catalogReads } from "./catalog-reads.ts";
import { compression } from "./compression.ts";
import { latestVersion } from "./latest-version.ts";
import type { AppLogger } from "./logger.ts";
import { mediaRoutes } from "./media.ts";
import type { Metrics } from "./metrics.ts";
import { guardedMetrics } from "./metrics-endpoint.ts";
import { mockpayRoutes } from "./mockpay/routes.ts";
import { KiB, limitBody, trpcBodyLimit, trpcRequestGuard, utf8Body } from "./request-guards.ts";
import { mountSpa } from "./spa.ts";
import { trpcHandler } from "./trpc-handler.ts";
import { webhookRoutes } from "./webhooks.ts";

export interface AppDeps {
  db: Db;
  /** A streaming replica of `db` for public catalog reads (DATABASE_READ_URL), see catalog-reads.ts. */
  readDb?: Db;
  /** True once a stop was asked for: /readyz answers 503 so the proxy stops sending (main.ts). */
  draining?: () => boolean;
  config: ApiConfig;
  logger: AppLogger;
  metrics: Metrics;
  /** How many reverse proxies to trust for X-Forwarded-For (0: none). */
  trustProxy: number;
  /** The bearer token that opens /metrics on this app; absent, /metrics is not served here. */
  metricsToken?: string | undefined;
  /** Served over TLS: adds HSTS. */
  tls: boolean;
  /** Serve the bench's `bench.ceiling` procedure (bench-ceiling.ts in the API). */
  benchCeiling?: boolean;
  /** The public catalog's response cache (catalog-cache.ts); absent: memory cache off. */
  catalogCache?: { maxBytes: number; ttlMs: number };
  /** Where the built SPAs live; absent folders are simply not served. */
  paths: { storefront: string; admin: string };
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { logger, metrics } = deps;

  app.use(requestId({ limitLength: 128 }));
  app.use(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.get("requestId") });
    c.set("log", log);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const labels = { route: c.req.routePath, method: c.req.method, status: String(c.res.status) };
    metrics.requestDuration.observe(labels, seconds);
    const line = { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) };
    if (c.res.status >= 500) log.error(line, "request failed");
    else log.info(line, "request");
  });
  app.use(
    secureHeaders({
      // A route that sets one of these headers itself keeps its own (the payment page's
      // Referrer-Policy), every other response gets these.
      overwrite: false,
      strictTransportSecurity: deps.tls ? "max-age=63072000; includeSubDomains" : false,
      crossOriginResourcePolicy: "same-origin",
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The admin Mailbox renders caught emails in a sandboxed srcdoc frame.
        frameSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
      },
    }),
  );
  app.use(compression());
  app.use(
    `${API_PATH}/*`,
    cors({ origin: [new URL(deps.config.publicUrl).origin], credentials: true, maxAge: 600 }),
    trpcRequestGuard(deps.config.publicUrl),
    trpcBodyLimit,
    utf8Body,
  );
  app.use("/mockpay/*", limitBody(16 * KiB), utf8Body);

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", async (c) => {
    if (deps.draining?.()) return c.json({ ok: false, draining: true }, 503);
    const ready = await Promise.race([
      isMigrated(deps.db),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
    ]);
    return c.json({ ok: ready, database: deps.db.dialect }, ready ? 200 : 503);
  });
  app.get("/metrics", guardedMetrics(metrics, deps.metricsToken));

  const gateway = httpPaymentGateway({
    baseUrl: deps.config.gatewayUrl,
    apiKey: gatewayApiKey(deps.config.webhookSecret),
  });
  // One shared reader of the primary's catalog version: the cache keys answers by it, and the
  // replica routing compares the replica with it, so a key is never newer than its answer.
  const catalogVersion = latestVersion(() => readCatalogVersion(deps.db));
  app.use(
    `${API_PATH}/*`,
    catalogCache({
      maxBytes: deps.catalogCache?.maxBytes ?? 0,
      ttlMs: deps.catalogCache?.ttlMs ?? CATALOG_STOCK_LAG_MS,
      version: catalogVersion,
      readStock: (slug) => liveStock(deps.db, slug),
    }),
  );
  const readCatalog = deps.readDb
    ? catalogReads({ primary: deps.db, replica: deps.readDb, primaryVersion: catalogVersion, logger, metrics })
    : undefined;
  app.use(`${API_PATH}/*`, trpcHandler({ ...deps, gateway, readCatalog }));
  app.route("/webhooks", webhookRoutes(deps));
  app.route("/mockpay", mockpayRoutes(deps));

  app.route("/media", mediaRoutes(deps));
  mountSpa(app, ADMIN_BASE_PATH, deps.paths.admin, Object.values(adminRoutes));
  // A guest's order link opens one person's order: no search engine lists it, no shared cache keeps it.
  mountSpa(app, "", deps.paths.storefront, Object.values(storefrontRoutes), {
    privateRoutes: [storefrontRoutes.orderLink],
  });

  app.notFound((c) => c.json({ error: { message: "Not found" } }, 404));
  app.onError((error, c) => {
    c.get("log")?.error({ err: error }, "unhandled error");
    if (isUnstorableText(error)) {
      return c.json({ error: { message: "The request contains a character that cannot be stored" } }, 400);
    }
    if (isDatabaseUnreachable(error)) return c.json({ error: { message: DATABASE_UNAVAILABLE } }, 503);
    return c.json({ error: { message: "Something went wrong on our side; please try again" } }, 500);
  });
  return app;
}
