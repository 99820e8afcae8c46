CREATE TABLE `discount_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`category_id` text,
	`min_subtotal_cents` integer,
	`starts_at` integer,
	`ends_at` integer,
	`usage_limit` integer,
	`used_count` integer DEFAULT 0 NOT NULL,
	`once_per_customer` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "discount_codes_value_positive" CHECK("discount_codes"."value" > 0),
	CONSTRAINT "discount_codes_used_count_within_limit" CHECK("discount_codes"."used_count" >= 0 and "discount_codes"."used_count" <= "discount_codes"."usage_limit")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_codes_code_unique` ON `discount_codes` (`code`);--> statement-breakpoint
CREATE TABLE `discount_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`discount_code_id` text NOT NULL,
	`user_id` text,
	`customer_key` text,
	`order_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`discount_code_id`) REFERENCES `discount_codes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_redemptions_orderId_unique` ON `discount_redemptions` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `discount_redemptions_code_customer_unique` ON `discount_redemptions` (`discount_code_id`,`customer_key`);--> statement-breakpoint
CREATE TABLE `shipping_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`zone_id` text NOT NULL,
	`name` text NOT NULL,
	`estimate` text NOT NULL,
	`price_cents` integer NOT NULL,
	`free_above_cents` integer,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `shipping_zones`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shipping_methods_price_cents_nonnegative" CHECK("shipping_methods"."price_cents" >= 0),
	CONSTRAINT "shipping_methods_free_above_cents_nonnegative" CHECK("shipping_methods"."free_above_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `shipping_methods_zone_id_position_index` ON `shipping_methods` (`zone_id`,`position`);--> statement-breakpoint
CREATE TABLE `shipping_zone_countries` (
	`zone_id` text NOT NULL,
	`country` text NOT NULL,
	PRIMARY KEY(`zone_id`, `country`),
	FOREIGN KEY (`zone_id`) REFERENCES `shipping_zones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipping_zone_countries_country_unique` ON `shipping_zone_countries` (`country`);--> statement-breakpoint
CREATE TABLE `shipping_zones` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`rate_ppm` integer NOT NULL,
	CONSTRAINT "tax_rates_rate_ppm_range" CHECK("tax_rates"."rate_ppm" between 0 and 1000000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_rates_country_region_unique` ON `tax_rates` (`country`,`region`);--> statement-breakpoint
CREATE TABLE `tax_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`prices_include_tax` integer NOT NULL,
	`tax_shipping` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "tax_settings_single_row" CHECK("tax_settings"."id" = 1)
);
