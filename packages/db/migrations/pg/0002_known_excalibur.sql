ALTER TABLE "product_images" ALTER COLUMN "key" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "product_images" DROP COLUMN "url";