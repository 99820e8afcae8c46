-- Guest checkout (issue #30). Orders may have no account; an idempotency key is scoped to its
-- shopper (`user:<id>`, or `cart:<id>` for a guest), so existing keys keep guarding their user's retries.
-- Existing orders keep their user_id; shipping_address_key stays null on them (only new unpaid
-- orders count against the per-address limit, and older ones lapse within the payment timeout).
CREATE TABLE "order_links" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "placed_as_guest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_address_key" text;--> statement-breakpoint
ALTER TABLE "order_links" ADD CONSTRAINT "order_links_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_links_order_id_index" ON "order_links" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_email_status_index" ON "orders" USING btree ("email","status");--> statement-breakpoint
CREATE INDEX "orders_shipping_address_key_status_index" ON "orders" USING btree ("shipping_address_key","status");--> statement-breakpoint
UPDATE "idempotency_keys" SET "scope" = 'user:' || "user_id";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_user_id_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "scope" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key");--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "user_id";