/**
 * Fixed-window counters shared by every server process: the kernel's rate limits
 * (packages/api/src/lib/rate-limit.ts), which auth and the cart use for throttling.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { at } from "../columns/sqlite.ts";

export const rateLimits = sqliteTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: at().notNull(),
});
