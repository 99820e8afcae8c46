/**
 * Migrations on a shared Postgres: two servers starting at once on one empty database both migrate
 * and neither corrupts anything; the order-numbers migration numbers orders that already existed;
 * the search-index migration indexes the products that already existed, however long that takes.
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
import { afterAll, describe, expect, it, vi } from "vitest";
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

  it("lets servers that start together migrate an empty database exactly once, and warns of nothing", async () => {
    await admin(`create database "${name}"`);
    const servers = Array.from({ length: 4 }, () => createPostgresDb(withDatabase(adminUrl, name), { max: 3 }));
    const warn = vi.spyOn(console, "warn");
    try {
      await Promise.all(servers.map((db) => migrate(db)));
      // graphile-worker warns of a pool whose dropped connections would crash the process.
      expect(warn).not.toHaveBeenCalled();
      const [first] = servers;
      expect(await isMigrated(first!)).toBe(true);
      const applied = await first!.execute<{ n: string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
      const journal = JSON.parse(readFileSync(new URL("../migrations/pg/meta/_journal.json", import.meta.url), "utf8"));
      expect(Number(applied[0]?.n)).toBe(journal.entries.length);
      // A later start finds nothing to do.
      await migrate(first!);
      expect(await isMigrated(first!)).toBe(true);
    } finally {
      warn.mockRestore();
      await Promise.all(servers.map((db) => db.close()));
    }
  });
});

/** A copy of the migrations folder that stops just before the one whose SQL holds `statement`. */
function migrationsBefore(statement: string): string {
  const journal = JSON.parse(readFileSync(join(migrations, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) =>
    readFileSync(join(migrations, `${e.tag}.sql`), "utf8").includes(statement),
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
    const before = migrationsBefore('CREATE SEQUENCE "public"."order_number_seq"');
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

describe("the migration that brought search's product_terms", () => {
  const indexed = `${name}_terms`;
  afterAll(() => admin(`drop database if exists "${indexed}" with (force)`));

  it("indexes every product already for sale, past the statement timeout web requests get", async () => {
    await admin(`create database "${indexed}"`);
    // Far shorter than indexing thousands of products takes: the shop's limit must not apply.
    const db = createPostgresDb(withDatabase(adminUrl, indexed), { max: 2, statementTimeoutMs: 1 });
    const setup = createPostgresDb(withDatabase(adminUrl, indexed), { max: 1, statementTimeoutMs: 0 });
    const before = migrationsBefore('CREATE TABLE "product_terms"');
    try {
      await drizzleMigrate(setup.orm as unknown as NodePgDatabase, { migrationsFolder: before });
      await setup.run(sql`insert into categories (id, slug, name, created_at, updated_at)
        values ('cat_1', 'lighting', 'Lighting', now(), now())`);
      await setup.run(sql`insert into products (id, slug, name, description, price_cents, stock, status, category_id, created_at, updated_at)
        select 'prd_' || n, 'lamp-' || n, case when n = 1 then 'Brass Desk Lamp' else 'Reading Lamp ' || n end,
          'A lamp for a quiet evening', 1000, 1, case when n % 10 = 0 then 'archived' else 'active' end, 'cat_1', now(), now()
        from generate_series(1, 5000) as n`);
      await migrate(db);
      const counts = await setup.execute<{ products: string; brass: string }>(sql`select
        count(distinct product_id) as products,
        count(*) filter (where lexeme = 'brass') as brass from product_terms`);
      expect(counts).toEqual([{ products: "4500", brass: "1" }]);
      expect(await isMigrated(setup)).toBe(true);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await Promise.all([db.close(), setup.close()]);
    }
  });
});
