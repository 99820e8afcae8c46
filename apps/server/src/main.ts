/**
 * Starts the shop: configuration, database (a Postgres server, or the embedded one), migrations,
 * seed data, the dev mail catcher (no SMTP_URL), the job worker (WORKER=inline), the HTTP server,
 * and a graceful shutdown on SIGINT/SIGTERM with a deadline.
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { resolve } from "node:path";
import { serve } from "@hono/node-server";
import { hashPassword, mediaStorageFor } from "@shopwright/api/server";
import { createPostgresDb, isMigrated, migrate, type PostgresDb } from "@shopwright/db";
import { DataFolderInUse, startEmbeddedPostgres } from "@shopwright/db/embedded";
import { seedIfEmpty } from "@shopwright/db/seed";
import { apiConfig, repoRoot } from "./api-config.ts";
import { createApp } from "./app.ts";
import { CATALOG_STOCK_LAG_MS } from "./catalog-cache.ts";
import { EnvError, parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startMailCatcher } from "./mail-catcher.ts";
import { createMetrics } from "./metrics.ts";
import { metricsLine, startMetricsListener } from "./metrics-endpoint.ts";
import { openReplica, redactPassword } from "./read-replica.ts";
import { startJobWorker, workerTimings } from "./worker.ts";

/** How long requests in flight and running jobs get to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  const env = parseEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const { config, dataDir, secrets } = apiConfig(env);
  const tls = Boolean(env.TLS_CERT_FILE && env.TLS_KEY_FILE);

  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir, onLog: (line) => logger.debug({ source: "postgres" }, line) });
  const databaseUrl = env.DATABASE_URL ?? embedded!.url;
  let stopping = false;
  const db = createPostgresDb(databaseUrl, {
    max: 20,
    // While stopping, connections still closing when the embedded server stops are told so: expected.
    onError: (error) => {
      if (!stopping) logger.warn({ err: error }, "a database connection failed; it is replaced on next use");
    },
  });
  logger.info(
    embedded
      ? { database: "embedded", dataDir: `${dataDir}/postgres`, pid: embedded.pid }
      : { database: "postgres", url: redactPassword(env.DATABASE_URL!) },
    embedded ? `Using the embedded Postgres in ${dataDir}/postgres` : "Using the Postgres server at DATABASE_URL",
  );
  const readDb = env.DATABASE_READ_URL ? await openReplica(env.DATABASE_READ_URL, logger, () => stopping) : undefined;
  await schemaReady(db, env.MIGRATE);
  if (env.SEED === "auto") {
    const adminPassword = env.ADMIN_PASSWORD ?? secrets!.adminPassword;
    const seeded = await seedIfEmpty(db, {
      images: mediaStorageFor(config),
      admin: { email: env.ADMIN_EMAIL, name: "Admin", passwordHash: await hashPassword(adminPassword) },
    });
    if (seeded) logger.info(seeded, "seeded an empty database");
  }
  const { publicUrl } = config;

  const metrics = createMetrics();
  const mailCatcher = env.SMTP_URL ? undefined : await startMailCatcher({ db, logger });
  const smtpUrl = env.SMTP_URL ?? mailCatcher!.url;
  if (mailCatcher) logger.info({ smtpUrl }, "No SMTP_URL: email goes to the dev mail catcher (admin Mailbox)");
  const worker =
    env.WORKER === "inline"
      ? await startJobWorker({
          db,
          databaseUrl,
          config,
          logger,
          metrics,
          smtpUrl,
          ...workerTimings(env.WORKER_STALE_AFTER_SECONDS),
        })
      : undefined;

  const app = createApp({
    db,
    readDb,
    draining: () => stopping,
    config,
    logger,
    metrics,
    metricsToken: env.METRICS_TOKEN,
    trustProxy: env.TRUST_PROXY,
    catalogCache: { maxBytes: env.CATALOG_CACHE_MB * 1024 * 1024, ttlMs: CATALOG_STOCK_LAG_MS },
    benchCeiling: env.BENCH_CEILING,
    tls,
    paths: {
      storefront: resolve(repoRoot, "apps/storefront/dist"),
      admin: resolve(repoRoot, "apps/admin/dist"),
    },
  });

  let inFlight = 0;
  const server = serve({
    fetch: async (request, ...rest) => {
      inFlight += 1;
      try {
        return await app.fetch(request, ...rest);
      } finally {
        inFlight -= 1;
      }
    },
    port: env.PORT,
    hostname: env.HOST,
    ...(tls
      ? {
          createServer: createHttpsServer,
          serverOptions: { cert: readFileSync(env.TLS_CERT_FILE!), key: readFileSync(env.TLS_KEY_FILE!) },
        }
      : {}),
  });
  await new Promise<void>((ready) => server.once("listening", ready));
  if (env.METRICS_PORT) await startMetricsListener(metrics, env.METRICS_PORT);

  console.log(
    [
      "",
      `  Shopwright is running (${embedded ? "embedded Postgres" : "Postgres"}).`,
      `  Storefront  ${publicUrl}/`,
      `  Admin       ${publicUrl}/admin/`,
      ...(secrets && !env.ADMIN_PASSWORD ? [`  Admin login ${env.ADMIN_EMAIL} / ${secrets.adminPassword}`] : []),
      `  Metrics     ${metricsLine({ publicUrl, token: env.METRICS_TOKEN, port: env.METRICS_PORT })}`,
      "",
    ].join("\n"),
  );

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (env.SHUTDOWN_DRAIN_SECONDS > 0) {
      // /readyz now answers 503: the proxy's health checks take this process out while it still
      // answers whatever is sent meanwhile, so no request meets a closed port.
      logger.info({ signal, drainSeconds: env.SHUTDOWN_DRAIN_SECONDS }, "draining: not ready, still answering");
      await new Promise((wake) => setTimeout(wake, env.SHUTDOWN_DRAIN_SECONDS * 1000));
    }
    logger.info({ signal }, "shutting down: finishing in-flight requests and running jobs");
    let workerStopped = !worker;
    // Past the grace period the process exits anyway and says what it left: a request still
    // unanswered gets a dropped connection, and a job still running is retried by another worker
    // (or by this shop's next start) once its lock is found stale.
    const deadline = setTimeout(() => {
      logger.error(
        { inFlightRequests: inFlight, jobsAbandoned: !workerStopped, graceMs: SHUTDOWN_GRACE_MS },
        `shutdown took longer than ${SHUTDOWN_GRACE_MS / 1000} s: exiting with ${inFlight} request(s) unanswered${workerStopped ? "" : " and running jobs abandoned (they will be retried)"}`,
      );
      void (embedded?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
    }, SHUTDOWN_GRACE_MS);
    await Promise.all([
      new Promise<void>((done) => server.close(() => done())),
      worker?.stop().then(() => {
        workerStopped = true;
      }),
    ]);
    await mailCatcher?.stop();
    await readDb?.close();
    await db.close();
    await embedded?.stop();
    clearTimeout(deadline);
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/** Migrates (MIGRATE=auto), or, when `pnpm migrate` is the deployment's step, refuses an old schema. */
async function schemaReady(db: PostgresDb, mode: "auto" | "off"): Promise<void> {
  if (mode === "auto") return migrate(db);
  if (!(await isMigrated(db))) {
    throw new EnvError(
      "MIGRATE=off, but the database is missing migrations this build needs: run `pnpm migrate` first",
    );
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof DataFolderInUse ? error.message : error);
  process.exit(1);
});
