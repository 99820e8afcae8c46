/**
 * A large catalog made in one statement by generate_series, for the experiments that need one:
 * the shop's own products table, one category, distinct creation times a second apart.
 */
import { createCategory } from "@shopwright/api/testing";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";

const NOUNS = ["lamp", "chair", "kettle", "blanket", "mug", "backpack", "headphones", "desk", "jacket", "teapot"];
const ADJECTIVES = [
  "oak",
  "wireless",
  "linen",
  "ceramic",
  "waterproof",
  "vintage",
  "compact",
  "wool",
  "steel",
  "bamboo",
];

/** A constant text[] literal (the words are ours: no quoting needed). */
const array = (words: string[]) => sql.raw(`array[${words.map((w) => `'${w}'`).join(", ")}]`);

/**
 * Inserts `count` active products. Names and descriptions combine words by the row number, so a
 * word's share of the catalog is known: each noun and each adjective is in a tenth of the names.
 */
export async function generateCatalog(db: PostgresDb, count: number): Promise<void> {
  const { id: categoryId } = await createCategory(db, { name: "Generated" });
  await db.run(sql`
    insert into products (id, slug, name, description, price_cents, max_price_cents, status, category_id, created_at, updated_at)
    select 'prod_gen' || lpad(i::text, 7, '0'),
           'generated-' || i,
           (${array(ADJECTIVES)})[1 + i % 10] || ' ' || (${array(NOUNS)})[1 + (i / 10) % 10] || ' no. ' || i,
           'A ' || (${array(ADJECTIVES)})[1 + (i / 100) % 10] || ' piece for everyday use, made to last.',
           100 + (i * 7919) % 50000,
           100 + (i * 7919) % 50000,
           'active',
           ${categoryId},
           timestamptz '2026-01-01' + i * interval '1 second',
           timestamptz '2026-01-01' + i * interval '1 second'
    from generate_series(1, ${count}) as i`);
  // Each product's one variant, as every product without options has.
  await db.run(sql`
    insert into product_variants (id, product_id, sku, options, price_cents, stock, status, position, created_at, updated_at)
    select 'var_' || id, id, slug, '{}'::jsonb, price_cents, (substring(id from 9)::int) % 20, 'active', 0, created_at, updated_at
    from products where id like 'prod_gen%'`);
  await db.run(sql`analyze products`);
}

export { ADJECTIVES, NOUNS };
