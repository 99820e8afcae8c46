-- Searching an option value finds its products ("sand linen shirt"): products gain option_values,
-- the values of their variants for sale (kept by syncProductSummary), and the FTS5 index gains a
-- column for them (migrations/pg/0012_option_search.sql does the same on Postgres). The index and
-- its triggers are made here rather than each time the database opens, since a changed FTS5
-- table has to be made again and refilled, which a migration does once.
ALTER TABLE `products` ADD `option_values` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Each value an active variant has, in the product's order of options and values.
UPDATE `products` SET `option_values` = coalesce((
	SELECT group_concat(`value`, ' ') FROM (
		SELECT val.value AS `value`
		FROM json_each(`products`.`options`) AS o, json_each(o.value, '$.values') AS val
		WHERE EXISTS (
			SELECT 1 FROM `product_variants` AS v
			WHERE v.product_id = `products`.`id` AND v.status = 'active'
				AND v.options ->> (o.value ->> 'name') = val.value
		)
		ORDER BY o.key, val.key
	)
), '');--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `products_fts_update`;--> statement-breakpoint
DROP TABLE IF EXISTS `products_fts`;--> statement-breakpoint
-- Full-text search over products, kept in sync by the triggers below: SQLite's stand-in for
-- Postgres's word index, product_terms, which triggers fill from the weighted search_vector.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	name, description, option_values, content='products', content_rowid='rowid', tokenize='porter unicode61'
);--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO products_fts(rowid, name, description, option_values)
		VALUES (new.rowid, new.name, new.description, new.option_values);
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description, option_values)
		VALUES ('delete', old.rowid, old.name, old.description, old.option_values);
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF name, description, option_values ON `products` BEGIN
	INSERT INTO products_fts(products_fts, rowid, name, description, option_values)
		VALUES ('delete', old.rowid, old.name, old.description, old.option_values);
	INSERT INTO products_fts(rowid, name, description, option_values)
		VALUES (new.rowid, new.name, new.description, new.option_values);
END;--> statement-breakpoint
-- Filled from the products as they are now (0008_variants made the table again, so the rows the
-- old index pointed at may have moved).
INSERT INTO `products_fts`(`products_fts`) VALUES ('rebuild');
