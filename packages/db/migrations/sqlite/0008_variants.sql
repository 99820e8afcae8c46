-- Product variants: every product's price and stock move to a variant of their own, and cart and
-- order lines point at variants (migrations/pg/0009_variants.sql does the same on Postgres).
CREATE TABLE `product_variants` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`sku` text NOT NULL,
	`options` text NOT NULL,
	`price_cents` integer NOT NULL,
	`stock` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "product_variants_price_cents_nonnegative" CHECK("product_variants"."price_cents" >= 0),
	CONSTRAINT "product_variants_stock_nonnegative" CHECK("product_variants"."stock" >= 0)
);
--> statement-breakpoint
-- Each product's one variant: its id derived from the product's, its SKU the product's slug (both
-- unique because theirs are), no options, the product's price and stock.
INSERT INTO `product_variants` (`id`, `product_id`, `sku`, `options`, `price_cents`, `stock`, `status`, `position`, `created_at`, `updated_at`)
	SELECT 'var_' || `id`, `id`, `slug`, '{}', `price_cents`, `stock`, 'active', 0, `created_at`, `updated_at` FROM `products`;--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_sku_unique` ON `product_variants` (`sku`);--> statement-breakpoint
CREATE UNIQUE INDEX `product_variants_product_id_options_unique` ON `product_variants` (`product_id`,`options`);--> statement-breakpoint
CREATE INDEX `product_variants_product_id_status_stock_index` ON `product_variants` (`product_id`,`status`,`stock`);--> statement-breakpoint
CREATE INDEX `product_variants_status_stock_index` ON `product_variants` (`status`,`stock`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_cart_items` (
	`cart_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`cart_id`, `variant_id`),
	FOREIGN KEY (`cart_id`) REFERENCES `carts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_items_quantity_range" CHECK("__new_cart_items"."quantity" between 1 and 99)
);
--> statement-breakpoint
INSERT INTO `__new_cart_items`("cart_id", "variant_id", "quantity", "added_at") SELECT "cart_id", 'var_' || "product_id", "quantity", "added_at" FROM `cart_items`;--> statement-breakpoint
DROP TABLE `cart_items`;--> statement-breakpoint
ALTER TABLE `__new_cart_items` RENAME TO `cart_items`;--> statement-breakpoint
CREATE TABLE `__new_products` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`price_cents` integer NOT NULL,
	`max_price_cents` integer NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`category_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "products_price_cents_nonnegative" CHECK("__new_products"."price_cents" >= 0),
	CONSTRAINT "products_max_price_cents_at_least_price" CHECK("__new_products"."max_price_cents" >= "__new_products"."price_cents")
);
--> statement-breakpoint
INSERT INTO `__new_products`("id", "slug", "name", "description", "price_cents", "max_price_cents", "options", "status", "category_id", "created_at", "updated_at") SELECT "id", "slug", "name", "description", "price_cents", "price_cents", '[]', "status", "category_id", "created_at", "updated_at" FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_category_id_status_index` ON `products` (`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_status_created_at_id_index` ON `products` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `products_status_price_cents_id_index` ON `products` (`status`,`price_cents`,`id`);--> statement-breakpoint
CREATE TABLE `__new_product_images` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text,
	`alt` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`key` text NOT NULL,
	`width` integer DEFAULT 0 NOT NULL,
	`height` integer DEFAULT 0 NOT NULL,
	`content_hash` text,
	`variants_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_product_images`("id", "product_id", "variant_id", "alt", "position", "key", "width", "height", "content_hash", "variants_at", "created_at") SELECT "id", "product_id", NULL, "alt", "position", "key", "width", "height", "content_hash", "variants_at", "created_at" FROM `product_images`;--> statement-breakpoint
DROP TABLE `product_images`;--> statement-breakpoint
ALTER TABLE `__new_product_images` RENAME TO `product_images`;--> statement-breakpoint
CREATE INDEX `product_images_product_id_position_index` ON `product_images` (`product_id`,`position`);--> statement-breakpoint
-- Order lines: the variant bought, and its SKU and options as snapshots beside the name and price.
CREATE TABLE `__new_order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`name` text NOT NULL,
	`sku` text NOT NULL,
	`options` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`quantity` integer NOT NULL,
	`refund_claimed_quantity` integer DEFAULT 0 NOT NULL,
	`restocked_quantity` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`variant_id`) REFERENCES `product_variants`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "order_items_refund_claimed_within_quantity" CHECK("__new_order_items"."refund_claimed_quantity" >= 0 and "__new_order_items"."refund_claimed_quantity" <= "__new_order_items"."quantity"),
	CONSTRAINT "order_items_restocked_within_quantity" CHECK("__new_order_items"."restocked_quantity" >= 0 and "__new_order_items"."restocked_quantity" <= "__new_order_items"."quantity")
);
--> statement-breakpoint
INSERT INTO `__new_order_items`("id", "order_id", "product_id", "variant_id", "name", "sku", "options", "unit_price_cents", "quantity", "refund_claimed_quantity", "restocked_quantity")
	SELECT `order_items`.`id`, `order_id`, `order_items`.`product_id`, `product_variants`.`id`, `name`, `product_variants`.`sku`, '{}', `unit_price_cents`, `quantity`, `refund_claimed_quantity`, `restocked_quantity`
	FROM `order_items` JOIN `product_variants` ON `product_variants`.`product_id` = `order_items`.`product_id`;--> statement-breakpoint
DROP TABLE `order_items`;--> statement-breakpoint
ALTER TABLE `__new_order_items` RENAME TO `order_items`;--> statement-breakpoint
CREATE INDEX `order_items_order_id_index` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_product_id_index` ON `order_items` (`product_id`);--> statement-breakpoint
CREATE INDEX `order_items_variant_id_index` ON `order_items` (`variant_id`);--> statement-breakpoint
PRAGMA foreign_keys=ON;