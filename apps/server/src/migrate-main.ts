/**
 * `pnpm migrate`: brings the database at DATABASE_URL to this build's schema, once, before a
 * rollout; the servers and workers of that rollout then start with MIGRATE=off and only check it.
 * Safe to run again: applied migrations are skipped, and concurrent runs queue on an advisory lock.
 */
import { createPostgresDb, migrate } from "@shopwright/db";
import { EnvError, parseMigrateEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

async function main() {
  const env = parseMigrateEnv();
  if (!env.DATABASE_URL) throw new EnvError("Invalid environment:\n  DATABASE_URL: is required by pnpm migrate");
  const logger = createLogger(env.LOG_LEVEL);
  const db = createPostgresDb(env.DATABASE_URL, { max: 1 });
  try {
    await migrate(db);
    logger.info("the database is up to date with this build's migrations");
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
