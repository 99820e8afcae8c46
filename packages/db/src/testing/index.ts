/**
 * Test databases on every dialect. `TEST_DIALECT` (set per vitest project) picks the dialect;
 * each call gives a fresh, migrated, empty database that no other test file can see.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPgliteDb, createPostgresDb, createSqliteDb, type Db, type Dialect, type PostgresDb } from "../client.ts";
import { migrate } from "../migrate.ts";
import { pgliteTemplatePath, postgresTemplateName, withDatabase } from "./templates.ts";

export function testDialect(): Dialect {
  const dialect = process.env.TEST_DIALECT ?? "sqlite";
  if (dialect !== "sqlite" && dialect !== "pglite" && dialect !== "postgres") {
    throw new Error(`TEST_DIALECT must be sqlite, pglite or postgres, not ${dialect}`);
  }
  return dialect;
}

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: the postgres test tier needs a server");
  return url;
}

/** A fresh database of its own on the Postgres server, dropped again by `close()`. */
export async function createPostgresTestDb(options: { max?: number } = {}): Promise<PostgresDb & { url: string }> {
  const adminUrl = testDatabaseUrl();
  const name = `sw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${postgresTemplateName()}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = createPostgresDb(url, { max: options.max ?? 20 });
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
    case "pglite": {
      const template = new Blob([readFileSync(pgliteTemplatePath())]);
      return createPgliteDb(await PGlite.create({ loadDataDir: template }));
    }
    case "postgres":
      return createPostgresTestDb();
  }
}

export { ensurePgliteTemplate, ensurePostgresTemplate } from "./templates.ts";
