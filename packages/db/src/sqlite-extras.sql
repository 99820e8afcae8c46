-- What SQLite needs beyond the tables drizzle-kit generates. Every statement is idempotent; it runs
-- after the migrations each time a SQLite database is opened.

-- Full-text search over products, kept in sync by triggers: SQLite's stand-in for Postgres's
-- word index, product_terms, which triggers fill from the weighted search_vector
-- (migrations/pg/0005_product_terms.sql).
CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5(
  name, description, content='products', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO products_fts(rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;
CREATE TRIGGER IF NOT EXISTS products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, description)
    VALUES ('delete', old.rowid, old.name, old.description);
END;
CREATE TRIGGER IF NOT EXISTS products_fts_update AFTER UPDATE OF name, description ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, description)
    VALUES ('delete', old.rowid, old.name, old.description);
  INSERT INTO products_fts(rowid, name, description) VALUES (new.rowid, new.name, new.description);
END;

-- SQLite has no sequences: a counter row per name stands in for Postgres's order_number_seq.
CREATE TABLE IF NOT EXISTS sequences (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
