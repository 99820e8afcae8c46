CREATE TABLE `password_resets` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_resets_user_id_index` ON `password_resets` (`user_id`);--> statement-breakpoint
DROP INDEX `payments_orderId_unique`;--> statement-breakpoint
ALTER TABLE `payments` ADD `attempt` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `refund_needed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_order_id_attempt_unique` ON `payments` (`order_id`,`attempt`);--> statement-breakpoint
ALTER TABLE `gateway_payments` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- SQLite cannot add a NOT NULL column without a default; it is only the test database, migrated empty.
ALTER TABLE `orders` ADD `number` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `orders` ADD `tracking_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);