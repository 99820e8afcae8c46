/**
 * The Postgres schema, table for table the twin of ./sqlite.ts (schema-parity.test.ts proves it).
 * Each domain's tables live in its own folder beside their SQLite twins. Names are camelCase here
 * and snake_case in the database (`casing: "snake_case"` on every client).
 */
export * from "./audit/pg.ts";
export * from "./auth/pg.ts";
export * from "./cart/pg.ts";
export * from "./catalog/pg.ts";
export * from "./catalog/search-pg.ts";
// Tables of tools beside the shop, which share its database but not its domains.
export * from "./mail-catcher/pg.ts";
export * from "./notifications/pg.ts";
export * from "./orders/pg.ts";
export * from "./payments/pg.ts";
export * from "./pricing/pg.ts";
export * from "./rate-limits/pg.ts";
export * from "./simulated-gateway/pg.ts";
export * from "./worker/pg.ts";
