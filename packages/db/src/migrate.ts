import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { advisoryLocks } from "./advisory-locks.ts";
import { createPgPool, type Db, type PostgresDb, type SqliteDb } from "./client.ts";

const folder = (dialect: "pg" | "sqlite") => fileURLToPath(new URL(`../migrations/${dialect}`, import.meta.url));
const sqliteExtras = () => readFileSync(new URL("./sqlite-extras.sql", import.meta.url), "utf8");

/**
 * Brings the database to the newest schema: Drizzle's migrations, then graphile-worker's own
 * (Postgres only). Idempotent. On a Postgres server, concurrent starts queue on an advisory lock,
 * so two servers booting at once never run the same migration twice.
 */
export async function migrate(db: Db): Promise<void> {
  switch (db.dialect) {
    case "sqlite": {
      const { client } = db as SqliteDb;
      migrateSqlite(drizzleSqlite({ client }), { migrationsFolder: folder("sqlite") });
      client.exec(sqliteExtras());
      return;
    }
    case "postgres": {
      // A migration is not a web request: a backfill over a large catalog runs for as long as it
      // needs, so migrations get connections of their own with no statement timeout, as bulk work
      // does. Every pool of the shop is made from a URL by createPgPool.
      const pool = createPgPool((db as PostgresDb).pool.options.connectionString!, {
        max: 2,
        statementTimeoutMs: 0,
      });
      try {
        const lock = await pool.connect();
        try {
          await lock.query("select pg_advisory_lock($1)", [advisoryLocks.migration]);
          // On the connection that holds the lock: one session does the whole job.
          await migratePostgres(drizzlePg({ client: lock }), { migrationsFolder: folder("pg") });
          await runWorkerMigrations({ pgPool: pool });
        } finally {
          await lock.query("select pg_advisory_unlock($1)", [advisoryLocks.migration]).catch(() => undefined);
          lock.release();
        }
      } finally {
        await pool.end();
      }
      return;
    }
  }
}

/** Whether every migration this build knows has been applied (for /readyz). */
export async function isMigrated(db: Db): Promise<boolean> {
  const journal = JSON.parse(
    readFileSync(
      new URL(`../migrations/${db.dialect === "sqlite" ? "sqlite" : "pg"}/meta/_journal.json`, import.meta.url),
      "utf8",
    ),
  ) as { entries: unknown[] };
  const table = db.dialect === "sqlite" ? sql`__drizzle_migrations` : sql`drizzle.__drizzle_migrations`;
  try {
    const rows = await db.execute<{ n: number | string }>(sql`select count(*) as n from ${table}`);
    return Number(rows[0]?.n ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
