/**
 * Migrations on a shared Postgres: two servers starting at once on one empty database both migrate
 * and neither corrupts anything; the order-numbers migration numbers orders that already existed;
 * the search-index migration indexes the products that already existed, however long that takes; the
 * variants migration gives every product its one variant and loses no cart line, order line or image;
 * the option-search migration gives existing products their option values and indexes them.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createPostgresDb } from "./client.ts";
import { isMigrated, migrate } from "./migrate.ts";
import { nextOrderNumber } from "./sequences.ts";
import { testDatabaseUrl, withDatabase } from "./testing/index.ts";
import { migrationsBefore } from "./testing/migrations-before.ts";

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

describe("the migration that brought order numbers", () => {
  const numbered = `${name}_numbers`;
  afterAll(() => admin(`drop database if exists "${numbered}" with (force)`));

  it("numbers existing orders by when they were placed, and new ones follow", async () => {
    await admin(`create database "${numbered}"`);
    const db = createPostgresDb(withDatabase(adminUrl, numbered), { max: 2 });
    const before = migrationsBefore("pg", 'CREATE SEQUENCE "public"."order_number_seq"');
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
    const before = migrationsBefore("pg", 'CREATE TABLE "product_terms"');
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

describe("the migration that brought product variants", () => {
  const varied = `${name}_variants`;
  afterAll(() => admin(`drop database if exists "${varied}" with (force)`));

  it("gives every product its one variant and keeps every cart line, order line and image", async () => {
    await admin(`create database "${varied}"`);
    const db = createPostgresDb(withDatabase(adminUrl, varied), { max: 2 });
    const before = migrationsBefore("pg", 'CREATE TABLE "product_variants"');
    try {
      await drizzleMigrate(db.orm as unknown as NodePgDatabase, { migrationsFolder: before });
      await db.run(sql`insert into categories (id, slug, name, created_at, updated_at)
        values ('cat_1', 'lighting', 'Lighting', now(), now())`);
      await db.run(sql`insert into products (id, slug, name, description, price_cents, stock, status, category_id, created_at, updated_at)
        values ('prd_lamp', 'desk-lamp', 'Desk Lamp', 'Brass', 4500, 7, 'active', 'cat_1', now(), now()),
               ('prd_old', 'old-lamp', 'Old Lamp', 'Gone', 1200, 0, 'archived', 'cat_1', now(), now())`);
      await db.run(sql`insert into product_images (id, product_id, alt, position, key, width, height, created_at)
        values ('img_1', 'prd_lamp', 'The lamp', 0, 'seed/desk-lamp.svg', 640, 640, now())`);
      await db.run(sql`insert into users (id, email, password_hash, name, created_at, updated_at)
        values ('usr_1', 'a@example.com', '!', 'Ada', now(), now())`);
      await db.run(
        sql`insert into carts (id, user_id, created_at, updated_at) values ('cart_1', 'usr_1', now(), now())`,
      );
      await db.run(sql`insert into cart_items (cart_id, product_id, quantity, added_at)
        values ('cart_1', 'prd_lamp', 2, now()), ('cart_1', 'prd_old', 1, now())`);
      await db.run(sql`insert into orders (id, user_id, number, email, status, subtotal_cents, total_cents, shipping_address, created_at, updated_at)
        values ('ord_1', 'usr_1', 1001, 'a@example.com', 'placed', 5700, 5700, '{}'::jsonb, now(), now())`);
      await db.run(sql`insert into order_items (id, order_id, product_id, name, unit_price_cents, quantity)
        values ('oi_1', 'ord_1', 'prd_lamp', 'Desk Lamp (old name)', 4500, 1), ('oi_2', 'ord_1', 'prd_old', 'Old Lamp', 1200, 1)`);

      await migrate(db);

      const variants =
        await db.execute(sql`select product_id, sku, options, price_cents::int as price_cents, stock, status
        from product_variants order by product_id`);
      expect(variants).toEqual([
        { product_id: "prd_lamp", sku: "desk-lamp", options: {}, price_cents: 4500, stock: 7, status: "active" },
        { product_id: "prd_old", sku: "old-lamp", options: {}, price_cents: 1200, stock: 0, status: "active" },
      ]);
      const products =
        await db.execute(sql`select id, price_cents::int as price_cents, max_price_cents::int as max_price_cents, options, status
        from products order by id`);
      expect(products).toEqual([
        { id: "prd_lamp", price_cents: 4500, max_price_cents: 4500, options: [], status: "active" },
        { id: "prd_old", price_cents: 1200, max_price_cents: 1200, options: [], status: "archived" },
      ]);
      const lines = await db.execute(sql`select c.cart_id, v.product_id, c.quantity from cart_items c
        join product_variants v on v.id = c.variant_id order by v.product_id`);
      expect(lines).toEqual([
        { cart_id: "cart_1", product_id: "prd_lamp", quantity: 2 },
        { cart_id: "cart_1", product_id: "prd_old", quantity: 1 },
      ]);
      const items =
        await db.execute(sql`select i.id, i.product_id, v.product_id as variant_product, i.name, i.sku, i.options,
        i.unit_price_cents::int as unit_price_cents, i.quantity from order_items i join product_variants v on v.id = i.variant_id order by i.id`);
      expect(items).toEqual([
        {
          id: "oi_1",
          product_id: "prd_lamp",
          variant_product: "prd_lamp",
          name: "Desk Lamp (old name)",
          sku: "desk-lamp",
          options: {},
          unit_price_cents: 4500,
          quantity: 1,
        },
        {
          id: "oi_2",
          product_id: "prd_old",
          variant_product: "prd_old",
          name: "Old Lamp",
          sku: "old-lamp",
          options: {},
          unit_price_cents: 1200,
          quantity: 1,
        },
      ]);
      const images = await db.execute(sql`select id, product_id, variant_id, key from product_images`);
      expect(images).toEqual([{ id: "img_1", product_id: "prd_lamp", variant_id: null, key: "seed/desk-lamp.svg" }]);
      // A line per variant now: the same variant twice in one cart is refused.
      await expect(
        db.run(
          sql`insert into cart_items (cart_id, variant_id, quantity, added_at) values ('cart_1', 'var_prd_lamp', 1, now())`,
        ),
      ).rejects.toMatchObject({ cause: { code: "23505" } });
      expect(await isMigrated(db)).toBe(true);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  });
});

describe("the migration that made option values searchable", () => {
  const searched = `${name}_options`;
  afterAll(() => admin(`drop database if exists "${searched}" with (force)`));

  it("gives existing products the option values of their variants for sale and indexes them", async () => {
    await admin(`create database "${searched}"`);
    const db = createPostgresDb(withDatabase(adminUrl, searched), { max: 2 });
    const before = migrationsBefore("pg", 'ADD COLUMN "option_values"');
    try {
      await drizzleMigrate(db.orm as unknown as NodePgDatabase, { migrationsFolder: before });
      await db.run(sql`insert into categories (id, slug, name, created_at, updated_at)
        values ('cat_1', 'shirts', 'Shirts', now(), now())`);
      await db.run(sql`insert into products (id, slug, name, description, price_cents, max_price_cents, options, status, category_id, created_at, updated_at)
        values ('prd_shirt', 'linen-shirt', 'Linen Shirt', 'Loose', 4500, 4500,
          '[{"name":"Size","values":["S","M"]},{"name":"Colour","values":["Sand","Black"]}]', 'active', 'cat_1', now(), now()),
          ('prd_mug', 'mug', 'Mug', 'Plain', 900, 900, '[]', 'active', 'cat_1', now(), now())`);
      await db.run(sql`insert into product_variants (id, product_id, sku, options, price_cents, stock, status, position, created_at, updated_at)
        values ('var_1', 'prd_shirt', 'LS-M-SAND', '{"Size":"M","Colour":"Sand"}', 4500, 3, 'active', 0, now(), now()),
          ('var_2', 'prd_shirt', 'LS-S-BLACK', '{"Size":"S","Colour":"Black"}', 4500, 3, 'archived', 1, now(), now()),
          ('var_3', 'prd_mug', 'mug', '{}', 900, 1, 'active', 0, now(), now())`);

      await migrate(db);

      const products = await db.execute(sql`select id, option_values from products order by id`);
      expect(products).toEqual([
        { id: "prd_mug", option_values: "" },
        { id: "prd_shirt", option_values: "M Sand" },
      ]);
      const terms = await db.execute(
        sql`select lexeme, other_hits from product_terms where product_id = 'prd_shirt' and lexeme in ('sand', 'black', 'linen') order by lexeme`,
      );
      expect(terms).toEqual([
        { lexeme: "linen", other_hits: 0 },
        { lexeme: "sand", other_hits: 1 },
      ]);
      // The update trigger watches the new column: a changed value is indexed in the same statement.
      await db.run(sql`update products set option_values = 'M Olive' where id = 'prd_shirt'`);
      const olive = await db.execute(sql`select lexeme from product_terms where lexeme in ('sand', 'oliv')`);
      expect(olive).toEqual([{ lexeme: "oliv" }]);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  });
});

describe("the migration that brought guest orders", () => {
  const guests = `${name}_guests`;
  afterAll(() => admin(`drop database if exists "${guests}" with (force)`));

  it("keeps every existing order's account, and every idempotency key guarding its shopper's retries", async () => {
    await admin(`create database "${guests}"`);
    const db = createPostgresDb(withDatabase(adminUrl, guests), { max: 2 });
    const before = migrationsBefore("pg", 'CREATE TABLE "order_links"');
    try {
      await drizzleMigrate(db.orm as unknown as NodePgDatabase, { migrationsFolder: before });
      await db.run(sql`insert into users (id, email, password_hash, name, created_at, updated_at)
        values ('usr_1', 'a@example.com', '!', 'Ada', now(), now()), ('usr_2', 'b@example.com', '!', 'Bo', now(), now())`);
      await db.run(sql`insert into orders (id, user_id, number, email, status, subtotal_cents, total_cents, shipping_address, created_at, updated_at)
        values ('ord_1', 'usr_1', 1001, 'a@example.com', 'placed', 100, 100, '{}'::jsonb, now(), now()),
               ('ord_2', 'usr_2', 1002, 'b@example.com', 'delivered', 200, 200, '{}'::jsonb, now(), now())`);
      await db.run(sql`insert into idempotency_keys (user_id, key, request_hash, order_id, created_at, expires_at)
        values ('usr_1', 'key-0001', 'h', 'ord_1', now(), now() + interval '1 day')`);

      await migrate(db);

      expect(
        await db.execute(sql`select id, user_id, placed_as_guest, shipping_address_key from orders order by id`),
      ).toEqual([
        { id: "ord_1", user_id: "usr_1", placed_as_guest: false, shipping_address_key: null },
        { id: "ord_2", user_id: "usr_2", placed_as_guest: false, shipping_address_key: null },
      ]);
      expect(await db.execute(sql`select scope, key, order_id from idempotency_keys`)).toEqual([
        { scope: "user:usr_1", key: "key-0001", order_id: "ord_1" },
      ]);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  });
});
