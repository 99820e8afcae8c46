export { advisoryKeyFor, advisoryLocks } from "./advisory-locks.ts";
export type { Db, Dialect, Orm, PostgresDb, SqliteDb } from "./client.ts";
export { createPgPool, createPostgresDb, createSqliteDb, type PoolOptions } from "./client.ts";
export type { DialectSql, WordQuery } from "./dialect-sql.ts";
export {
  isConstraintViolation,
  isDatabaseUnreachable,
  isUnstorableText,
  loggableQueryError,
  violatedConstraint,
} from "./errors.ts";
export { newId } from "./ids.ts";
export type { JobQueue, JobRequest, QueuedJob } from "./job-queue.ts";
export { type JsonRow, jsonRows } from "./json-rows.ts";
export { isMigrated, migrate } from "./migrate.ts";
export type { Address } from "./schema/address.ts";
export { addressSchema } from "./schema/address.ts";
export { optionValuesText, type ProductOption, type VariantOptions } from "./schema/catalog/options.ts";
export type {
  DiscountKind,
  GatewayPaymentStatus,
  OrderStatus,
  PaymentStatus,
  ProductStatus,
  RefundStatus,
  UserRole,
  VariantStatus,
} from "./schema/enums.ts";
export {
  capturedPaymentStatuses,
  discountKinds,
  isCaptured,
  orderStatuses,
  paymentStatuses,
  productStatuses,
  refundStatuses,
  userRoles,
  variantStatuses,
} from "./schema/enums.ts";
export type { OrderPricing } from "./schema/order-pricing.ts";
export { nextOrderNumber } from "./sequences.ts";
export { slugify } from "./slug.ts";
export { text, UNSTORABLE_TEXT_MESSAGE } from "./text.ts";
