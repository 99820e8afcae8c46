/**
 * Changing an account's email. Asking takes the current password; the new address gets a
 * verification link, and the account keeps its old address (sign-in, receipts) until that link is
 * followed (email-verification.ts), so a typo or someone else's address never takes the account
 * over. The old address is told at once, so its owner hears of a change they did not ask for.
 */
import { type Db, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { enqueue } from "@shopwright/jobs";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { badRequest, conflict } from "../errors.ts";
import { issueEmailVerification, limitEmailLinks } from "./email-verification.ts";
import { verifyPassword } from "./password.ts";
import { sessionEnded } from "./sessions.ts";

export async function requestEmailChange(
  db: Db,
  config: ApiConfig,
  userId: string,
  input: { newEmail: string; password: string },
  meta: { requestId?: string },
): Promise<void> {
  await limitEmailLinks(db, config, userId);
  const { users } = authTables(db);
  const [account] = await db.orm
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw sessionEnded();
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    throw badRequest("The password is incorrect", { field: "password" });
  }
  if (input.newEmail === account.email) throw badRequest("This is already your email", { field: "newEmail" });
  const [taken] = await db.orm.select({ id: users.id }).from(users).where(eq(users.email, input.newEmail));
  if (taken) throw conflict("An account with this email already exists");
  await db.transaction(async (tx) => {
    // One change waits at a time: a link to an address asked for earlier no longer moves the account.
    await cancelEmailChange(tx, { userId, email: account.email });
    await issueEmailVerification(tx, config, { userId, email: input.newEmail }, meta);
    await enqueue(tx, "send_email_change_notice", {
      noticeId: newId("ecn"),
      email: account.email,
      newEmail: input.newEmail,
      requestId: meta.requestId,
    });
  });
}

/**
 * Drops the change waiting on a link, if any (links for the account's current address stay):
 * for a new request, and when the password changes, which is what the old address's notice tells
 * its owner to do about a change they did not ask for.
 */
export async function cancelEmailChange(tx: Db, account: { userId: string; email: string }): Promise<void> {
  const v = authTables(tx).emailVerifications;
  await tx.orm
    .update(v)
    .set({ usedAt: new Date() })
    .where(and(eq(v.userId, account.userId), isNull(v.usedAt), ne(v.email, account.email)));
}
