/** The column kinds every Postgres table shares. */
import { customType, timestamp } from "drizzle-orm/pg-core";

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
