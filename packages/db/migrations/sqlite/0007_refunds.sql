CREATE TABLE `refund_lines` (
	`refund_id` text NOT NULL,
	`order_item_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`restock` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `order_item_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `refunds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "refund_lines_quantity_positive" CHECK("refund_lines"."quantity" > 0),
	CONSTRAINT "refund_lines_amount_nonnegative" CHECK("refund_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE INDEX `refund_lines_order_item_id_index` ON `refund_lines` (`order_item_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`shipping_cents` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`failure_reason` text,
	`actor` text NOT NULL,
	`settled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "refunds_amount_positive" CHECK("refunds"."amount_cents" > 0),
	CONSTRAINT "refunds_shipping_within_amount" CHECK("refunds"."shipping_cents" >= 0 and "refunds"."shipping_cents" <= "refunds"."amount_cents")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_order_id_idempotency_key_unique` ON `refunds` (`order_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `refunds_payment_id_index` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE INDEX `refunds_status_settled_at_index` ON `refunds` (`status`,`settled_at`);--> statement-breakpoint
CREATE TABLE `gateway_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_reference` text NOT NULL,
	`payment_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`failure_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `gateway_payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_refunds_merchantReference_unique` ON `gateway_refunds` (`merchant_reference`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`quantity` integer NOT NULL,
	`refund_claimed_quantity` integer DEFAULT 0 NOT NULL,
	`restocked_quantity` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "order_items_refund_claimed_within_quantity" CHECK("__new_order_items"."refund_claimed_quantity" >= 0 and "__new_order_items"."refund_claimed_quantity" <= "__new_order_items"."quantity"),
	CONSTRAINT "order_items_restocked_within_quantity" CHECK("__new_order_items"."restocked_quantity" >= 0 and "__new_order_items"."restocked_quantity" <= "__new_order_items"."quantity")
);
--> statement-breakpoint
INSERT INTO `__new_order_items`("id", "order_id", "product_id", "name", "unit_price_cents", "quantity") SELECT "id", "order_id", "product_id", "name", "unit_price_cents", "quantity" FROM `order_items`;--> statement-breakpoint
DROP TABLE `order_items`;--> statement-breakpoint
ALTER TABLE `__new_order_items` RENAME TO `order_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `order_items_order_id_index` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_product_id_index` ON `order_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `__new_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`attempt` integer DEFAULT 1 NOT NULL,
	`amount_cents` integer NOT NULL,
	`status` text NOT NULL,
	`payment_url` text,
	`expires_at` integer NOT NULL,
	`refund_needed_at` integer,
	`refund_claimed_cents` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "payments_refund_claimed_within_amount" CHECK("__new_payments"."refund_claimed_cents" >= 0 and "__new_payments"."refund_claimed_cents" <= "__new_payments"."amount_cents")
);
--> statement-breakpoint
INSERT INTO `__new_payments`("id", "order_id", "attempt", "amount_cents", "status", "payment_url", "expires_at", "refund_needed_at", "created_at", "updated_at") SELECT "id", "order_id", "attempt", "amount_cents", "status", "payment_url", "expires_at", "refund_needed_at", "created_at", "updated_at" FROM `payments`;--> statement-breakpoint
DROP TABLE `payments`;--> statement-breakpoint
ALTER TABLE `__new_payments` RENAME TO `payments`;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_order_id_attempt_unique` ON `payments` (`order_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `payments_status_expires_at_index` ON `payments` (`status`,`expires_at`);--> statement-breakpoint
-- Hand-written: a cancelled order's units went back on the shelf when it was cancelled.
UPDATE `order_items` SET `restocked_quantity` = `quantity` WHERE `order_id` IN (SELECT `id` FROM `orders` WHERE `status` = 'cancelled');
