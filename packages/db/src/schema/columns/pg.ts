/** The column kinds every Postgres table shares. */
import { bigint, customType, timestamp } from "drizzle-orm/pg-core";

export const at = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date());
export const updatedAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Money, in integer cents: 64 bits, since 22 of a $1,000,000 product already passes a 32-bit
 * column's $21,474,836.47. Read as a JavaScript number, exact to 2^53 cents (about 90 trillion
 * dollars), far past any order the cart's bounds allow.
 */
export const cents = () => bigint({ mode: "number" });
