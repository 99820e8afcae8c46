/** The column kinds every SQLite table shares: timestamps are integer milliseconds. */
import { integer } from "drizzle-orm/sqlite-core";

export const at = () => integer({ mode: "timestamp_ms" });
export const createdAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date());
export const updatedAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

/** Money, in integer cents: SQLite's INTEGER is already 64 bits, as Postgres's `bigint` twin. */
export const cents = () => integer();
