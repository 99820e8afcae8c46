/**
 * What other domains may know of an account, without reading auth's tables: a customer's name and
 * email for display, and the accounts a search by name matches, as SQL they compose into their
 * own queries so a page of orders stays one query.
 */
import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { and, eq, inArray, isNotNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { containsText } from "../lib/listing.ts";

/**
 * The name of the account `userId` names (a column or value of the caller's query). A subquery
 * builder, not a raw fragment: Drizzle leaves the columns of a one-table query's selection
 * unqualified, which would turn a raw fragment's `users.id = orders.user_id` into `id = user_id`.
 */
export function nameOf(db: Db, userId: SQLWrapper): SQL<string> {
  const { users } = authTables(db);
  return sql<string>`(${db.orm.select({ name: users.name }).from(users).where(eq(users.id, userId))})`;
}

/** True where `userId` is an account whose name contains `text`, case-insensitively. */
export function nameContains(db: Db, userId: SQLWrapper, text: string): SQL {
  const { users } = authTables(db);
  return sql`${userId} in (${db.orm.select({ id: users.id }).from(users).where(containsText(users.name, text))})`;
}

/** The emails of these accounts, by id; an account deleted since is missing. */
export async function emailsById(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { users } = authTables(db);
  const rows = await db.orm.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((u) => [u.id, u.email]));
}

/**
 * The account that has proven it receives mail at `email` (followed a verification link), if any:
 * an unverified account with that address is no one's proof. Checkout asks, to attach a guest's
 * order to the account at once, exactly as verifying would attach it later.
 */
export async function verifiedAccountWithEmail(db: Db, email: string): Promise<string | null> {
  const { users } = authTables(db);
  const [user] = await db.orm
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNotNull(users.emailVerifiedAt)));
  return user?.id ?? null;
}
