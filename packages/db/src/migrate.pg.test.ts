/** Two servers starting at once on one empty Postgres: both migrate, neither corrupts anything. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDb } from "./client.ts";
import { isMigrated, migrate } from "./migrate.ts";
import { testDatabaseUrl, withDatabase } from "./testing/index.ts";

const adminUrl = testDatabaseUrl();
const name = `sw_migrate_${randomBytes(4).toString("hex")}`;

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
