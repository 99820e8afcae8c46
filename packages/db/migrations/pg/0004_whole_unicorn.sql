-- pg_trgm ships with Postgres (contrib); fuzzy search and the trigram index below need it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "products_name_trigram_index" ON "products" USING gin ("name" gin_trgm_ops);