-- Guest checkout (issue #30). Orders may have no account; an idempotency key is scoped to its
-- shopper (`user:<id>`, or `cart:<id>` for a guest), so existing keys keep guarding their user's retries.
-- Existing orders keep their user_id; shipping_address_key stays null on them (only new unpaid
-- orders count against the per-address limit, and older ones lapse within the payment timeout).
CREATE TABLE `order_links` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_links_order_id_index` ON `order_links` (`order_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`number` integer NOT NULL,
	`email` text NOT NULL,
	`placed_as_guest` integer DEFAULT false NOT NULL,
	`shipping_address_key` text,
	`status` text NOT NULL,
	`tracking_number` text,
	`subtotal_cents` integer NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	`shipping_cents` integer DEFAULT 0 NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer NOT NULL,
	`pricing` text,
	`shipping_address` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "user_id", "number", "email", "status", "tracking_number", "subtotal_cents", "discount_cents", "shipping_cents", "tax_cents", "total_cents", "pricing", "shipping_address", "created_at", "updated_at") SELECT "id", "user_id", "number", "email", "status", "tracking_number", "subtotal_cents", "discount_cents", "shipping_cents", "tax_cents", "total_cents", "pricing", "shipping_address", "created_at", "updated_at" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_user_id_created_at_index` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_created_at_index` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_created_at_index` ON `orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `orders_email_status_index` ON `orders` (`email`,`status`);--> statement-breakpoint
CREATE INDEX `orders_shipping_address_key_status_index` ON `orders` (`shipping_address_key`,`status`);--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `scope` text;--> statement-breakpoint
UPDATE `idempotency_keys` SET `scope` = 'user:' || `user_id`;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`order_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_idempotency_keys`("scope", "key", "request_hash", "order_id", "created_at", "expires_at") SELECT "scope", "key", "request_hash", "order_id", "created_at", "expires_at" FROM `idempotency_keys`;--> statement-breakpoint
DROP TABLE `idempotency_keys`;--> statement-breakpoint
ALTER TABLE `__new_idempotency_keys` RENAME TO `idempotency_keys`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `idempotency_keys_expires_at_index` ON `idempotency_keys` (`expires_at`);