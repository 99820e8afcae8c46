/**
 * The SQLite migration that made option values searchable, on a database the previous build made:
 * its products get the values of their variants for sale, and the FTS5 index the previous build's
 * extras kept (name and description only) is made again with them and refilled.
 */
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate as drizzleMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteDb, type SqliteDb } from "./client.ts";
import { migrate } from "./migrate.ts";
import { migrationsBefore } from "./testing/migrations-before.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("the SQLite migration that made option values searchable", () => {
  it("gives existing products their option values and rebuilds the full-text index with them", async () => {
    const before = migrationsBefore("sqlite", "ADD `option_values`");
    cleanups.push(() => rmSync(before, { recursive: true, force: true }));
    const db = createSqliteDb() as SqliteDb;
    cleanups.push(() => db.client.close());
    drizzleMigrate(drizzle({ client: db.client }), { migrationsFolder: before });
    // The previous build's index, as its sqlite-extras.sql made it each time the database opened.
    db.client.exec(`CREATE VIRTUAL TABLE products_fts USING fts5(
        name, description, content='products', content_rowid='rowid', tokenize='porter unicode61');
      CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
        INSERT INTO products_fts(rowid, name, description) VALUES (new.rowid, new.name, new.description);
      END;`);
    db.client.exec(`INSERT INTO categories (id, slug, name, created_at, updated_at) VALUES ('cat_1', 'shirts', 'Shirts', 0, 0);
      INSERT INTO products (id, slug, name, description, price_cents, max_price_cents, options, status, category_id, created_at, updated_at)
        VALUES ('prd_shirt', 'linen-shirt', 'Linen Shirt', 'Loose', 4500, 4500,
          '[{"name":"Size","values":["S","M"]},{"name":"Colour","values":["Sand","Black"]}]', 'active', 'cat_1', 0, 0),
        ('prd_mug', 'mug', 'Mug', 'Plain', 900, 900, '[]', 'active', 'cat_1', 0, 0);
      INSERT INTO product_variants (id, product_id, sku, options, price_cents, stock, status, position, created_at, updated_at)
        VALUES ('var_1', 'prd_shirt', 'LS-M-SAND', '{"Size":"M","Colour":"Sand"}', 4500, 3, 'active', 0, 0, 0),
        ('var_2', 'prd_shirt', 'LS-S-BLACK', '{"Size":"S","Colour":"Black"}', 4500, 3, 'archived', 1, 0, 0),
        ('var_3', 'prd_mug', 'mug', '{}', 900, 1, 'active', 0, 0, 0);`);

    await migrate(db);

    expect(await db.execute(sql`select id, option_values from products order by id`)).toEqual([
      { id: "prd_mug", option_values: "" },
      { id: "prd_shirt", option_values: "M Sand" },
    ]);
    const found = (words: string) =>
      db.execute(sql`select p.id from products_fts f join products p on p.rowid = f.rowid
        where products_fts match ${words} order by p.id`);
    expect(await found("sand linen")).toEqual([{ id: "prd_shirt" }]);
    expect(await found("black")).toEqual([]);
    expect(await found("plain")).toEqual([{ id: "prd_mug" }]);
    // The new triggers watch the column: a changed value is found at once.
    await db.run(sql`update products set option_values = 'M Olive' where id = 'prd_shirt'`);
    expect(await found("olive")).toEqual([{ id: "prd_shirt" }]);
    expect(await found("sand")).toEqual([]);
  });
});
