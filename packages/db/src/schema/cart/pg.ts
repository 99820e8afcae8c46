/** Carts and their lines: the cart domain's tables. */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "../auth/pg.ts";
import { productVariants } from "../catalog/pg.ts";
import { createdAt, updatedAt } from "../columns/pg.ts";

/** A cart belongs to a user, or to a guest holding a token (only its SHA-256 is stored). */
export const carts = pgTable(
  "carts",
  {
    id: text().primaryKey(),
    userId: text()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().unique(),
    /** The discount code the shopper applied, normalised; checked again whenever the cart is priced. */
    discountCode: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("carts_updated_at_index").on(t.updatedAt)],
);

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: text()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: text()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check("cart_items_quantity_range", sql`${t.quantity} between 1 and 99`),
  ],
);
