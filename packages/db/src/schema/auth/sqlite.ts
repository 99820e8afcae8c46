/** Accounts, refresh-token sessions and emailed links (password reset, email verification): the auth domain's tables. */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Address } from "../address.ts";
import { at, createdAt, updatedAt } from "../columns/sqlite.ts";
import { userRoles } from "../enums.ts";

export const users = sqliteTable("users", {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  passwordHash: text().notNull(),
  name: text().notNull(),
  role: text({ enum: userRoles }).notNull().default("customer"),
  /** When the account proved it receives mail at `email`; null until then (and for accounts from before). */
  emailVerifiedAt: at(),
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
    expiresAt: at().notNull(),
    absoluteExpiresAt: at().notNull(),
    rotatedAt: at(),
    revokedAt: at(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_id_index").on(t.userId), index("sessions_family_id_index").on(t.familyId)],
);

/** A password-reset link's token, by SHA-256 (the token itself is only in the email); single use. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: at().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_id_index").on(t.userId)],
);

/**
 * An email-verification link's token, by SHA-256 (the token itself is only in the email); single
 * use. `email` is the address the link proves: the account's own, or the new one an email change
 * waits on, which becomes the account's only when its link is followed.
 */
export const emailVerifications = sqliteTable(
  "email_verifications",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    expiresAt: at().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index("email_verifications_user_id_index").on(t.userId)],
);
