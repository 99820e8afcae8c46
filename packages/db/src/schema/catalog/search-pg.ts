/**
 * Postgres only: search's word index, one row per word (lexeme) of each product for sale, with how
 * often the word is in its name and elsewhere. SQLite searches its FTS5 table instead
 * (migrations/sqlite/0010_option_search.sql), so this table has no SQLite twin
 * (schema-parity.unit.test.ts lists it).
 *
 * Declared so the ORM, drizzle-kit and the parity test see it; the migration that made it
 * (migrations/pg/0005_product_terms.sql, hand-written) holds what Drizzle cannot say: the primary
 * key INCLUDEs the counts, so a search reads only index pages, and the triggers that rebuild a
 * product's rows in the statement that changed the product.
 */
import { customType, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/** Collation "C" orders words by their bytes, so a prefix ("lam") is a range of the index. */
const bytewiseText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

export const productTerms = pgTable(
  "product_terms",
  {
    lexeme: bytewiseText().notNull(),
    productId: text().notNull(),
    nameHits: smallint().notNull(),
    otherHits: smallint().notNull(),
  },
  // Postgres's own name for an unnamed primary key, which the migration left it.
  (t) => [primaryKey({ name: "product_terms_pkey", columns: [t.lexeme, t.productId] })],
);
