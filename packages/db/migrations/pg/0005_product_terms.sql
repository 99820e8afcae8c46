-- Search reads an inverted index of its own instead of the GIN index on search_vector: one row per
-- word (lexeme) of each product for sale, with how often the word is in its name and elsewhere.
-- The primary key returns a word's products in order, covering everything ranking needs, so a
-- search reads only index pages and never the products it does not show. The GIN index could
-- find matches but not rank them: every match's row had to be read and scored.
-- Collation "C" orders words by their bytes, so a prefix ("lam") is a range of the index.
DROP INDEX "products_search_vector_index";--> statement-breakpoint
CREATE TABLE "product_terms" (
	"lexeme" text COLLATE "C" NOT NULL,
	"product_id" text NOT NULL,
	"name_hits" smallint NOT NULL,
	"other_hits" smallint NOT NULL,
	PRIMARY KEY ("lexeme", "product_id") INCLUDE ("name_hits", "other_hits")
);--> statement-breakpoint
-- A product's rows, from its search_vector: the triggers below and this migration's backfill.
CREATE FUNCTION "product_terms_add"("id" text, "vector" tsvector) RETURNS void LANGUAGE sql AS $$
	INSERT INTO product_terms (lexeme, product_id, name_hits, other_hits)
	SELECT lexeme, id, cardinality(array_positions(weights, 'A')),
		cardinality(weights) - cardinality(array_positions(weights, 'A'))
	FROM unnest(vector);
$$;--> statement-breakpoint
-- Rebuilds a product's rows in the statement that changed the product, so search sees every
-- commit at once. Only products for sale are indexed.
CREATE FUNCTION "product_terms_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM product_terms
		WHERE product_id = OLD.id AND lexeme = ANY (tsvector_to_array(OLD.search_vector)::text[] COLLATE "C");
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.status = 'active' THEN
		PERFORM product_terms_add(NEW.id, NEW.search_vector);
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "product_terms_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE product_terms;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "product_terms_on_insert_or_delete" AFTER INSERT OR DELETE ON "products"
	FOR EACH ROW EXECUTE FUNCTION "product_terms_sync"();--> statement-breakpoint
CREATE TRIGGER "product_terms_on_update" AFTER UPDATE OF "name", "description", "status" ON "products"
	FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector OR OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION "product_terms_sync"();--> statement-breakpoint
CREATE TRIGGER "product_terms_on_truncate" AFTER TRUNCATE ON "products"
	FOR EACH STATEMENT EXECUTE FUNCTION "product_terms_clear"();--> statement-breakpoint
SELECT product_terms_add(id, search_vector) FROM "products" WHERE status = 'active';
