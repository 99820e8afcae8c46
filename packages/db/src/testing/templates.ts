/**
 * The migrated template database, built once per test run, so each test file gets a clean copy
 * in milliseconds with Postgres's `CREATE DATABASE … TEMPLATE`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { advisoryLocks } from "../advisory-locks.ts";
import { createPostgresDb } from "../client.ts";
import { migrate } from "../migrate.ts";

/** Changes whenever a migration does, so a stale template is never reused. */
export function schemaFingerprint(): string {
  const hash = createHash("sha256");
  const dir = fileURLToPath(new URL("../../migrations/pg", import.meta.url));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".sql")) hash.update(readFileSync(join(dir, name)));
  }
  // The journal too: a migration regenerated with the same SQL under a new tag is a new schema.
  hash.update(readFileSync(join(dir, "meta/_journal.json")));
  hash.update(readFileSync(new URL("../../node_modules/graphile-worker/package.json", import.meta.url)));
  return hash.digest("hex").slice(0, 12);
}

export const postgresTemplateName = () => `sw_template_${schemaFingerprint()}`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates the Postgres template on the server at `adminUrl` unless it already exists. */
export async function ensurePostgresTemplate(adminUrl: string): Promise<void> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock($1)", [advisoryLocks.testTemplate]);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount) return;
    const building = `${name}_building`;
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"`);
    const db = createPostgresDb(withDatabase(adminUrl, building), { max: 2 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    await admin.query(`alter database "${building}" rename to "${name}"`);
  } finally {
    await admin.query("select pg_advisory_unlock_all()").catch(() => undefined);
    await admin.end();
  }
}
