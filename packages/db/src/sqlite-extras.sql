-- What SQLite needs beyond the tables drizzle-kit generates. Every statement is idempotent; it runs
-- after the migrations each time a SQLite database is opened.

-- Full-text search over products (products_fts) is made by a migration
-- (migrations/sqlite/0010_option_search.sql): changing an FTS5 table means making it again and
-- refilling it, once.

-- SQLite has no sequences: a counter row per name stands in for Postgres's order_number_seq.
CREATE TABLE IF NOT EXISTS sequences (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
