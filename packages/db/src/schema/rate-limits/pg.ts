/**
 * Fixed-window counters shared by every server process: the kernel's rate limits
 * (packages/api/src/lib/rate-limit.ts), which auth and the cart use for throttling.
 */
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "../columns/pg.ts";

export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: at().notNull(),
});
