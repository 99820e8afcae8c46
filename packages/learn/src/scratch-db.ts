/**
 * The experiments' database: a scratch database created on a Postgres server, migrated, and
 * dropped at the end, so a run never touches the shop's data. The server is `serverUrl` when given
 * (DATABASE_URL), else an embedded one started under `.data/learn` and stopped afterwards.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createPostgresDb, migrate } from "@shopwright/db";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import pg from "pg";
import type { ScratchDb } from "./experiment.ts";
import { openShipping } from "./shop.ts";

/** Concurrency experiments run up to this many transactions at once. */
const POOL_SIZE = 24;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  dataDir: string,
  fn: (db: ScratchDb) => Promise<T>,
): Promise<T> {
  const embedded = serverUrl ? undefined : await startEmbeddedPostgres({ dataDir: join(dataDir, "learn") });
  const url = serverUrl ?? embedded!.url;
  const name = `sw_learn_${randomBytes(6).toString("hex")}`;
  try {
    await admin(url, `create database "${name}"`);
    // Generating a 100k catalog is bulk work: no statement timeout, as for the seed.
    const scratchUrl = withDatabase(url, name);
    const db = Object.assign(createPostgresDb(scratchUrl, { max: POOL_SIZE, statementTimeoutMs: 0 }), {
      url: scratchUrl,
    });
    try {
      await migrate(db);
      await openShipping(db);
      return await fn(db);
    } finally {
      await db.close();
      await admin(url, `drop database if exists "${name}" with (force)`);
    }
  } finally {
    await embedded?.stop();
  }
}
