-- Searching an option value finds its products ("sand linen shirt"): products gain option_values,
-- the values of their variants for sale (kept by syncProductSummary), and search_vector takes them
-- in beside the description. The update trigger depends on search_vector, so it is dropped and
-- made again with option_values among the columns it watches.
DROP TRIGGER "product_terms_on_update" ON "products";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "option_values" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Each value an active variant has, in the product's order of options and values.
UPDATE "products" SET "option_values" = "words"."text" FROM (
	SELECT p.id, string_agg(val.value, ' ' ORDER BY o.i, val.j) AS text
	FROM products p
	CROSS JOIN LATERAL jsonb_array_elements(p.options) WITH ORDINALITY AS o(option, i)
	CROSS JOIN LATERAL jsonb_array_elements_text(o.option -> 'values') WITH ORDINALITY AS val(value, j)
	WHERE EXISTS (
		SELECT 1 FROM product_variants v
		WHERE v.product_id = p.id AND v.status = 'active' AND v.options ->> (o.option ->> 'name') = val.value
	)
	GROUP BY p.id
) AS "words" WHERE "words"."id" = "products"."id";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B') || setweight(to_tsvector('english', option_values), 'C')) STORED;--> statement-breakpoint
CREATE TRIGGER "product_terms_on_update" AFTER UPDATE OF "name", "description", "option_values", "status" ON "products"
	FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector OR OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION "product_terms_sync"();--> statement-breakpoint
DELETE FROM "product_terms";--> statement-breakpoint
SELECT product_terms_add(id, search_vector) FROM "products" WHERE status = 'active';
