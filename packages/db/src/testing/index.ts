/**
 * Test databases on both dialects. `TEST_DIALECT` (set per vitest project) picks the dialect;
 * each call gives a fresh, migrated, empty database that no other test file can see.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPostgresDb, createSqliteDb, type Db, type Dialect, type PostgresDb } from "../client.ts";
import { migrate } from "../migrate.ts";
import { postgresTemplateName, withDatabase } from "./templates.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Given by ./global-setup.ts to every project that needs Postgres. */
    testDatabaseUrl: string;
  }
}

export function testDialect(): Dialect {
  const dialect = process.env.TEST_DIALECT ?? "sqlite";
  if (dialect !== "sqlite" && dialect !== "postgres") {
    throw new Error(`TEST_DIALECT must be sqlite or postgres, not ${dialect}`);
  }
  return dialect;
}

/** The run's Postgres server (TEST_DATABASE_URL, or the embedded one), from ./global-setup.ts. */
export function testDatabaseUrl(): string {
  const url = inject("testDatabaseUrl");
  if (!url) throw new Error("No test Postgres: this vitest project needs packages/db/src/testing/global-setup.ts");
  return url;
}

/**
 * A fresh database of its own on the run's Postgres server (or on `serverUrl`, outside vitest),
 * dropped again by `close()`.
 */
export async function createPostgresTestDb(
  options: { max?: number; serverUrl?: string } = {},
): Promise<PostgresDb & { url: string }> {
  const adminUrl = options.serverUrl ?? testDatabaseUrl();
  const name = `sw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${postgresTemplateName()}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  // Concurrency tests queue many statements on row locks and many callers on the pool; a loaded
  // machine can stretch those waits past a web request's limits without anything being wrong.
  const db = createPostgresDb(url, { max: options.max ?? 20, statementTimeoutMs: 30_000, connectionTimeoutMs: 30_000 });
  const closePool = db.close;
  return Object.assign(db, {
    url,
    async close() {
      await closePool();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  });
}

export async function createTestDb(dialect: Dialect = testDialect()): Promise<Db> {
  switch (dialect) {
    case "sqlite": {
      const db = createSqliteDb(":memory:");
      await migrate(db);
      return db;
    }
    case "postgres":
      return createPostgresTestDb();
  }
}

export { freePort } from "../free-port.ts";
export { type ReplicatedPostgres, startReplicatedPostgres } from "./replica.ts";
export { ensurePostgresTemplate, withDatabase } from "./templates.ts";
