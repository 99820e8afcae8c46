-- Product variants: every product's price and stock move to a variant of their own, and cart and
-- order lines point at variants. Hand-ordered around drizzle-kit's statements so that existing rows
-- are carried over before the columns they leave are dropped.
CREATE TABLE "product_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"sku" text NOT NULL,
	"options" jsonb NOT NULL,
	"price_cents" bigint NOT NULL,
	"stock" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_variants_sku_unique" UNIQUE("sku"),
	CONSTRAINT "product_variants_price_cents_nonnegative" CHECK ("product_variants"."price_cents" >= 0),
	CONSTRAINT "product_variants_stock_nonnegative" CHECK ("product_variants"."stock" >= 0)
);
--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each product's one variant: its id derived from the product's (unique because that is), its SKU
-- the product's slug (unique because slugs are), no options, the product's price and stock.
INSERT INTO "product_variants" ("id", "product_id", "sku", "options", "price_cents", "stock", "status", "position", "created_at", "updated_at")
	SELECT 'var_' || "id", "id", "slug", '{}'::jsonb, "price_cents", "stock", 'active', 0, "created_at", "updated_at" FROM "products";--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_product_id_options_unique" ON "product_variants" USING btree ("product_id","options");--> statement-breakpoint
CREATE INDEX "product_variants_product_id_status_stock_index" ON "product_variants" USING btree ("product_id","status","stock");--> statement-breakpoint
CREATE INDEX "product_variants_status_stock_index" ON "product_variants" USING btree ("status","stock");--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "max_price_cents" bigint;--> statement-breakpoint
UPDATE "products" SET "max_price_cents" = "price_cents";--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "max_price_cents" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_max_price_cents_at_least_price" CHECK ("products"."max_price_cents" >= "products"."price_cents");--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Images stay the product's own (variant_id null), which every variant falls back to.
ALTER TABLE "product_images" ADD COLUMN "variant_id" text;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Cart lines: each product's line becomes its one variant's, so a cart keeps every line.
ALTER TABLE "cart_items" ADD COLUMN "variant_id" text;--> statement-breakpoint
UPDATE "cart_items" SET "variant_id" = 'var_' || "product_id";--> statement-breakpoint
ALTER TABLE "cart_items" ALTER COLUMN "variant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" DROP CONSTRAINT "cart_items_product_id_products_id_fk";--> statement-breakpoint
ALTER TABLE "cart_items" DROP CONSTRAINT "cart_items_cart_id_product_id_pk";--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_variant_id_pk" PRIMARY KEY("cart_id","variant_id");--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" DROP COLUMN "product_id";--> statement-breakpoint
-- Order lines: the variant bought, and its SKU and options as snapshots beside the name and price.
ALTER TABLE "order_items" ADD COLUMN "variant_id" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "sku" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "options" jsonb;--> statement-breakpoint
UPDATE "order_items" SET "variant_id" = "product_variants"."id", "sku" = "product_variants"."sku", "options" = '{}'::jsonb
	FROM "product_variants" WHERE "product_variants"."product_id" = "order_items"."product_id";--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "variant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "sku" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "options" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_items_variant_id_index" ON "order_items" USING btree ("variant_id");--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_stock_nonnegative";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "stock";
