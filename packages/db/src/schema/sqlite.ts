/**
 * The SQLite schema, table for table the twin of ./pg.ts (schema-parity.test.ts proves it).
 * Timestamps are integer milliseconds, booleans integers and JSON text; Drizzle maps them to the
 * same JavaScript values as on Postgres. Full-text search lives in an FTS5 table and triggers that
 * a hand-written migration makes (migrations/sqlite/0010_option_search.sql), since drizzle-kit has
 * no virtual tables.
 */
export * from "./audit/sqlite.ts";
export * from "./auth/sqlite.ts";
export * from "./cart/sqlite.ts";
export * from "./catalog/sqlite.ts";
// Tables of tools beside the shop, which share its database but not its domains.
export * from "./mail-catcher/sqlite.ts";
export * from "./notifications/sqlite.ts";
export * from "./orders/sqlite.ts";
export * from "./payments/sqlite.ts";
export * from "./pricing/sqlite.ts";
export * from "./rate-limits/sqlite.ts";
export * from "./simulated-gateway/sqlite.ts";
export * from "./worker/sqlite.ts";
