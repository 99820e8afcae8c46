/**
 * `pnpm worker`: a worker process on its own, beside servers started with WORKER=off. It needs a
 * Postgres server (DATABASE_URL) and an SMTP server (SMTP_URL); start as many as the load asks for.
 * SIGINT/SIGTERM stop it after its running jobs finish.
 */
import { createPostgresDb, migrate } from "@shopwright/db";
import { apiConfig } from "./api-config.ts";
import { EnvError, parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startJobWorker, workerTimings } from "./worker.ts";

async function main() {
  const env = parseEnv();
  const missing = (["DATABASE_URL", "SMTP_URL"] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new EnvError(`Invalid environment:\n${missing.map((n) => `  ${n}: is required by pnpm worker`).join("\n")}`);
  }
  const logger = createLogger(env.LOG_LEVEL);
  const { config } = apiConfig(env);
  const db = createPostgresDb(env.DATABASE_URL!, { max: 10 });
  if (env.MIGRATE === "auto") await migrate(db);
  const worker = await startJobWorker({
    db,
    databaseUrl: env.DATABASE_URL!,
    config,
    logger,
    smtpUrl: env.SMTP_URL!,
    ...workerTimings(env.WORKER_STALE_AFTER_SECONDS),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker shutting down: letting running jobs finish");
    await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
