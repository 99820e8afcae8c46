/** Customers as the back office sees them: who they are, and whether their email is proven theirs. */
import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { and, count, desc, eq, gt, isNotNull, isNull, ne, or, type SQL } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { containsText, offsetOf, type Page, pageOf } from "../lib/listing.ts";
import { publicColumns } from "./service.ts";

export interface CustomerFilter extends Page {
  /** A case-insensitive part of the customer's email or name. */
  q?: string;
  verified?: boolean;
}

/** Customer accounts newest first, a page at a time. */
export function listCustomers(db: Db, filter: CustomerFilter) {
  const { users } = authTables(db);
  const conditions: SQL[] = [eq(users.role, "customer")];
  if (filter.q) conditions.push(or(containsText(users.email, filter.q), containsText(users.name, filter.q)) as SQL);
  if (filter.verified !== undefined) {
    conditions.push(filter.verified ? isNotNull(users.emailVerifiedAt) : isNull(users.emailVerifiedAt));
  }
  const where = and(...conditions);
  return pageOf(
    filter,
    db.orm
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        emailVerifiedAt: users.emailVerifiedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      // Ids are UUIDv7, so they break ties between accounts made in the same millisecond.
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter)),
    db.orm.select({ total: count() }).from(users).where(where),
  );
}

/**
 * One account as the back office sees it, with the address an email change waits on, if any: the
 * account's email is still the old one until that address's link is followed.
 */
export async function customerById(db: Db, id: string, now = new Date()) {
  const { users, emailVerifications: v } = authTables(db);
  const [customer] = await db.orm
    .select({ ...publicColumns(db), createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id));
  if (!customer) throw notFound("Customer");
  const [pending] = await db.orm
    .select({ email: v.email })
    .from(v)
    .where(and(eq(v.userId, id), isNull(v.usedAt), gt(v.expiresAt, now), ne(v.email, customer.email)))
    .orderBy(desc(v.createdAt))
    .limit(1);
  return { ...customer, pendingEmail: pending?.email ?? null };
}
