/**
 * The SQLite schema, table for table the twin of ./pg.ts (schema-parity.test.ts proves it).
 * Timestamps are integer milliseconds, booleans integers and JSON text; Drizzle maps them to the
 * same JavaScript values as on Postgres. Full-text search lives in an FTS5 table that
 * ../sqlite-extras.sql keeps in sync, since drizzle-kit has no virtual tables.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { Address } from "./address.ts";

const at = () => integer({ mode: "timestamp_ms" });
const createdAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date());
const updatedAt = () =>
  at()
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());

export const users = sqliteTable("users", {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  passwordHash: text().notNull(),
  name: text().notNull(),
  role: text({ enum: ["customer", "admin"] })
    .notNull()
    .default("customer"),
  shippingAddress: text({ mode: "json" }).$type<Address>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A session is one refresh token; `id` is the SHA-256 of the token (lucia's session id). */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: text().notNull(),
    // lucia's SQLite adapter stores this one in whole seconds.
    expiresAt: integer({ mode: "timestamp" }).notNull(),
    absoluteExpiresAt: at().notNull(),
    rotatedAt: at(),
    revokedAt: at(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_id_index").on(t.userId), index("sessions_family_id_index").on(t.familyId)],
);

/** Fixed-window counters shared by every server process (login and register throttling). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: at().notNull(),
});

export const categories = sqliteTable(
  "categories",
  {
    id: text().primaryKey(),
    parentId: text().references((): AnySQLiteColumn => categories.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("categories_parent_id_index").on(t.parentId)],
);

export const products = sqliteTable(
  "products",
  {
    id: text().primaryKey(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    priceCents: integer().notNull(),
    stock: integer().notNull(),
    status: text({ enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    categoryId: text()
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("products_price_cents_nonnegative", sql`${t.priceCents} >= 0`),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    index("products_category_id_status_index").on(t.categoryId, t.status),
    index("products_status_created_at_id_index").on(t.status, t.createdAt, t.id),
    index("products_status_price_cents_id_index").on(t.status, t.priceCents, t.id),
  ],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: text().primaryKey(),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    url: text().notNull(),
    alt: text().notNull().default(""),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_product_id_position_index").on(t.productId, t.position)],
);

/** A cart belongs to a user, or to a guest holding a token (only its SHA-256 is stored). */
export const carts = sqliteTable(
  "carts",
  {
    id: text().primaryKey(),
    userId: text()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("carts_updated_at_index").on(t.updatedAt)],
);

export const cartItems = sqliteTable(
  "cart_items",
  {
    cartId: text()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_items_quantity_range", sql`${t.quantity} between 1 and 99`),
  ],
);

export const orders = sqliteTable(
  "orders",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    email: text().notNull(),
    status: text({ enum: ["placed", "processing", "shipped", "delivered", "cancelled"] }).notNull(),
    subtotalCents: integer().notNull(),
    totalCents: integer().notNull(),
    shippingAddress: text({ mode: "json" }).$type<Address>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("orders_user_id_created_at_index").on(t.userId, t.createdAt),
    index("orders_status_created_at_index").on(t.status, t.createdAt),
    index("orders_created_at_index").on(t.createdAt),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: text()
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    name: text().notNull(),
    unitPriceCents: integer().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [index("order_items_order_id_index").on(t.orderId), index("order_items_product_id_index").on(t.productId)],
);

export const orderStatusHistory = sqliteTable(
  "order_status_history",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text(),
    status: text().notNull(),
    actor: text().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [index("order_status_history_order_id_created_at_index").on(t.orderId, t.createdAt)],
);

export const payments = sqliteTable(
  "payments",
  {
    id: text().primaryKey(),
    orderId: text()
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    amountCents: integer().notNull(),
    status: text({ enum: ["pending", "succeeded", "failed"] }).notNull(),
    paymentUrl: text(),
    expiresAt: at().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("payments_status_expires_at_index").on(t.status, t.expiresAt)],
);

/** Every webhook event the shop accepted, by the provider's event id: the dedupe record. */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    id: text().primaryKey(),
    paymentId: text()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    type: text().notNull(),
    outcome: text().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("payment_events_payment_id_index").on(t.paymentId)],
);

/** The simulated provider's own books; the shop never reads them (it only talks HTTP to it). */
export const gatewayPayments = sqliteTable("gateway_payments", {
  id: text().primaryKey(),
  merchantReference: text().notNull().unique(),
  orderId: text().notNull(),
  amountCents: integer().notNull(),
  status: text({ enum: ["requires_action", "succeeded", "failed"] }).notNull(),
  returnUrl: text().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestHash: text().notNull(),
    orderId: text().references(() => orders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_expires_at_index").on(t.expiresAt)],
);

/** Every email the shop sends, and what became of it; (kind, ref) makes sending idempotent. */
export const emailMessages = sqliteTable(
  "email_messages",
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    ref: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    status: text({ enum: ["queued", "sending", "sent", "failed"] }).notNull(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("email_messages_kind_ref_unique").on(t.kind, t.ref),
    index("email_messages_created_at_index").on(t.createdAt),
  ],
);

/** What the dev mail catcher received, for the admin Mailbox. */
export const mailboxMessages = sqliteTable(
  "mailbox_messages",
  {
    id: text().primaryKey(),
    from: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text(),
    text: text(),
    messageId: text(),
    receivedAt: createdAt(),
  },
  (t) => [index("mailbox_messages_received_at_index").on(t.receivedAt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text().primaryKey(),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_type_entity_id_created_at_index").on(t.entityType, t.entityId, t.createdAt)],
);

/** Live graphile-worker processes; a sweeper unlocks the jobs of workers that went silent. */
export const workerHeartbeats = sqliteTable("worker_heartbeats", {
  workerId: text().primaryKey(),
  hostname: text().notNull(),
  pid: integer().notNull(),
  startedAt: createdAt(),
  lastSeenAt: at().notNull(),
  stoppedAt: at(),
});
