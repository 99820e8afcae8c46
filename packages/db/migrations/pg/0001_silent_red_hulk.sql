ALTER TABLE "product_images" ADD COLUMN "key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "product_images" ADD COLUMN "width" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_images" ADD COLUMN "height" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_images" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "product_images" ADD COLUMN "variants_at" timestamp with time zone;--> statement-breakpoint
-- Seed art was served at /media/<key>; its 640 px canvas is the size the seed draws.
UPDATE "product_images" SET "key" = substr("url", 8), "width" = 640, "height" = 640;