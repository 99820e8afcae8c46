PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_product_images` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`key` text NOT NULL,
	`width` integer DEFAULT 0 NOT NULL,
	`height` integer DEFAULT 0 NOT NULL,
	`content_hash` text,
	`variants_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_product_images`("id", "product_id", "alt", "position", "key", "width", "height", "content_hash", "variants_at", "created_at") SELECT "id", "product_id", "alt", "position", "key", "width", "height", "content_hash", "variants_at", "created_at" FROM `product_images`;--> statement-breakpoint
DROP TABLE `product_images`;--> statement-breakpoint
ALTER TABLE `__new_product_images` RENAME TO `product_images`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `product_images_product_id_position_index` ON `product_images` (`product_id`,`position`);