/**
 * Shipping zones and methods, tax rates and settings, discount codes and their redemptions: the
 * pricing domain's tables. What the pricing pipeline reads to price an order; an order keeps its
 * own snapshot of what applied, so edits here never change a placed order.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";
import { users } from "../auth/sqlite.ts";
import { categories } from "../catalog/sqlite.ts";
import { at, cents, createdAt, updatedAt } from "../columns/sqlite.ts";
import { discountKinds } from "../enums.ts";
import { orders } from "../orders/sqlite.ts";

export const shippingZones = sqliteTable("shipping_zones", {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A country is in at most one zone, so an address always has one answer: the unique country says so. */
export const shippingZoneCountries = sqliteTable(
  "shipping_zone_countries",
  {
    zoneId: text()
      .notNull()
      .references(() => shippingZones.id, { onDelete: "cascade" }),
    country: text().notNull().unique("shipping_zone_countries_country_unique"),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.country] })],
);

export const shippingMethods = sqliteTable(
  "shipping_methods",
  {
    id: text().primaryKey(),
    zoneId: text()
      .notNull()
      .references(() => shippingZones.id, { onDelete: "cascade" }),
    name: text().notNull(),
    estimate: text().notNull(),
    priceCents: cents().notNull(),
    freeAboveCents: cents(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    /** The merchant's order within the zone; shoppers see the cheapest first, ties in this order. */
    position: integer().notNull().default(0),
  },
  (t) => [
    index("shipping_methods_zone_id_position_index").on(t.zoneId, t.position),
    check("shipping_methods_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("shipping_methods_free_above_cents_nonnegative", sql`${t.freeAboveCents} >= 0`),
  ],
);

/**
 * One rate per place. A country-wide rate has the empty region rather than null, so the unique
 * pair holds for it too (null is distinct from null in a unique constraint on both dialects).
 */
export const taxRates = sqliteTable(
  "tax_rates",
  {
    id: text().primaryKey(),
    country: text().notNull(),
    region: text().notNull().default(""),
    /** Millionths: 8.875 % is 88,750, so no rate ever passes through a binary fraction. */
    ratePpm: integer().notNull(),
  },
  (t) => [
    unique("tax_rates_country_region_unique").on(t.country, t.region),
    check("tax_rates_rate_ppm_range", sql`${t.ratePpm} between 0 and 1000000`),
  ],
);

/** One row, id 1: how the shop's prices and shipping are taxed. Absent until the merchant saves it. */
export const taxSettings = sqliteTable(
  "tax_settings",
  {
    id: integer().primaryKey(),
    pricesIncludeTax: integer({ mode: "boolean" }).notNull(),
    taxShipping: integer({ mode: "boolean" }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check("tax_settings_single_row", sql`${t.id} = 1`)],
);

export const discountCodes = sqliteTable(
  "discount_codes",
  {
    id: text().primaryKey(),
    /** Normalised (`normalizeDiscountCode`), so two codes never differ only by case or spaces. */
    code: text().notNull().unique(),
    kind: text({ enum: discountKinds }).notNull(),
    /** Whole percent for `percent`, cents for `fixed`. */
    value: cents().notNull(),
    categoryId: text().references(() => categories.id, { onDelete: "restrict" }),
    minSubtotalCents: cents(),
    startsAt: at(),
    endsAt: at(),
    usageLimit: integer(),
    /** Raised by the checkout in the order's transaction, never past the limit. */
    usedCount: integer().notNull().default(0),
    oncePerCustomer: integer({ mode: "boolean" }).notNull().default(false),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("discount_codes_value_positive", sql`${t.value} > 0`),
    check("discount_codes_used_count_within_limit", sql`${t.usedCount} >= 0 and ${t.usedCount} <= ${t.usageLimit}`),
  ],
);

/**
 * One use of a code by an order. `customerKey` is the customer's id or email when the code is
 * once-per-customer and null otherwise, so the unique pair refuses a second use only where it must.
 */
export const discountRedemptions = sqliteTable(
  "discount_redemptions",
  {
    id: text().primaryKey(),
    discountCodeId: text()
      .notNull()
      .references(() => discountCodes.id, { onDelete: "restrict" }),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    customerKey: text(),
    orderId: text()
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [unique("discount_redemptions_code_customer_unique").on(t.discountCodeId, t.customerKey)],
);

/**
 * One row, id 1: a number every admin write of the shipping zones, tax settings or tax rates moves
 * inside its own transaction. Each server process keys its copy of those rules by it, so an edit
 * prices the next order on every process. Discount codes are not covered: they are read live.
 */
export const pricingVersion = sqliteTable("pricing_version", {
  id: integer().primaryKey(),
  version: integer().notNull(),
});
