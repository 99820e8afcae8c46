/**
 * Migrated template databases, built once per test run, so each test file gets a clean copy in
 * milliseconds: a Postgres `TEMPLATE` database, and a PGlite data-directory dump.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import pg from "pg";
import { createPgliteDb, createPostgresDb } from "../client.ts";
import { migrate } from "../migrate.ts";

/** Changes whenever a migration does, so a stale template is never reused. */
export function schemaFingerprint(): string {
  const hash = createHash("sha256");
  const dir = fileURLToPath(new URL("../../migrations/pg", import.meta.url));
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".sql")) hash.update(readFileSync(join(dir, name)));
  }
  hash.update(readFileSync(new URL("../../node_modules/graphile-worker/package.json", import.meta.url)));
  return hash.digest("hex").slice(0, 12);
}

export const postgresTemplateName = () => `sw_template_${schemaFingerprint()}`;
export const pgliteTemplatePath = () => join(tmpdir(), `shopwright-pglite-${schemaFingerprint()}.tar`);

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
    await admin.query("select pg_advisory_lock(72210432)");
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

/** Writes the PGlite template (our migrations plus graphile-worker's schema) unless it exists. */
export async function ensurePgliteTemplate(): Promise<void> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  const client = await PGlite.create();
  const db = createPgliteDb(client);
  await migrate(db);
  // graphile-worker migrates only through node-postgres, so it is given a socket onto PGlite.
  const server = new PGLiteSocketServer({ db: client, host: "127.0.0.1", port: 0 });
  await server.start();
  const pool = new pg.Pool({ connectionString: `postgres://postgres@${server.getServerConn()}/postgres`, max: 1 });
  try {
    await runWorkerMigrations({ pgPool: pool });
  } finally {
    await pool.end();
    await server.stop();
  }
  const dump = await client.dumpDataDir("none");
  writeFileSync(`${path}.partial`, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  renameSync(`${path}.partial`, path);
}
