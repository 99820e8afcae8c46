/**
 * Migrations on a shared Postgres: two servers starting at once on one empty database both migrate
 * and neither corrupts anything; the order-numbers migration numbers orders that already existed.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDb } from "./client.ts";
import { isMigrated, migrate } from "./migrate.ts";
import { nextOrderNumber } from "./sequences.ts";
import { testDatabaseUrl, withDatabase } from "./testing/index.ts";

const adminUrl = testDatabaseUrl();
const name = `sw_migrate_${randomBytes(4).toString("hex")}`;
const migrations = fileURLToPath(new URL("../migrations/pg", import.meta.url));

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

describe("migrate on a shared Postgres", () => {
  afterAll(() => admin(`drop database if exists "${name}" with (force)`));

  it("lets servers that start together migrate an empty database exactly once", async () => {
    await admin(`create database "${name}"`);
    const servers = Array.from({ length: 4 }, () => createPostgresDb(withDatabase(adminUrl, name), { max: 3 }));
    try {
      await Promise.all(servers.map((db) => migrate(db)));
      const [first] = servers;
      expect(await isMigrated(first!)).toBe(true);
      const applied = await first!.execute<{ n: string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
      const journal = JSON.parse(readFileSync(new URL("../migrations/pg/meta/_journal.json", import.meta.url), "utf8"));
      expect(Number(applied[0]?.n)).toBe(journal.entries.length);
      // A later start finds nothing to do.
      await migrate(first!);
      expect(await isMigrated(first!)).toBe(true);
    } finally {
      await Promise.all(servers.map((db) => db.close()));
    }
  });
});

/** A copy of the migrations folder that stops just before the one creating `order_number_seq`. */
function migrationsBeforeNumbers(): string {
  const journal = JSON.parse(readFileSync(join(migrations, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) =>
    readFileSync(join(migrations, `${e.tag}.sql`), "utf8").includes('CREATE SEQUENCE "public"."order_number_seq"'),
  );
  expect(index).toBeGreaterThan(0);
  const dir = mkdtempSync(join(tmpdir(), "sw-migrations-"));
  cpSync(migrations, dir, { recursive: true });
  writeFileSync(
    join(dir, "meta/_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }),
  );
  return dir;
}

describe("the migration that brought order numbers", () => {
  const numbered = `${name}_numbers`;
  afterAll(() => admin(`drop database if exists "${numbered}" with (force)`));

  it("numbers existing orders by when they were placed, and new ones follow", async () => {
    await admin(`create database "${numbered}"`);
    const db = createPostgresDb(withDatabase(adminUrl, numbered), { max: 2 });
    const before = migrationsBeforeNumbers();
    try {
      await drizzleMigrate(db.orm as unknown as NodePgDatabase, { migrationsFolder: before });
      await db.run(sql`insert into users (id, email, password_hash, name, created_at, updated_at)
        values ('usr_1', 'a@example.com', '!', 'Ada', now(), now())`);
      for (const [id, placed] of [
        ["ord_b", "2026-01-02T00:00:00Z"],
        ["ord_a", "2026-01-03T00:00:00Z"],
        ["ord_c", "2026-01-01T00:00:00Z"],
      ]) {
        await db.run(sql`insert into orders (id, user_id, email, status, subtotal_cents, total_cents, shipping_address, created_at, updated_at)
          values (${id}, 'usr_1', 'a@example.com', 'placed', 100, 100, '{}'::jsonb, ${placed}::timestamptz, now())`);
      }
      await migrate(db);
      const rows = await db.execute<{ id: string; number: number }>(sql`select id, number from orders order by number`);
      expect(rows).toEqual([
        { id: "ord_c", number: 1001 },
        { id: "ord_b", number: 1002 },
        { id: "ord_a", number: 1003 },
      ]);
      expect(await nextOrderNumber(db)).toBe(1004);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  });
});
