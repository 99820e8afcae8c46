/**
 * Sends one email at most once per acceptance by the SMTP server. `email_messages` holds one row
 * per (kind, ref): a retried job that finds it `sent` sends nothing. Each step is its own short
 * transaction; none spans the SMTP conversation.
 */
import { type Db, newId } from "@shopwright/db";
import { notificationsTables } from "@shopwright/db/tables/notifications";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Mailer } from "./mailer.ts";
import type { RenderedEmail } from "./render.ts";

export type DeliveryResult =
  | { status: "sent"; messageId: string; providerMessageId: string }
  | { status: "already_sent" };

export async function sendOnce(
  { db, mailer }: { db: Db; mailer: Mailer },
  message: { kind: string; ref: string; to: string; email: RenderedEmail },
): Promise<DeliveryResult> {
  const { emailMessages: m } = notificationsTables(db);
  const { kind, ref, to, email } = message;
  await db.orm
    .insert(m)
    .values({ id: newId("eml"), kind, ref, to, subject: email.subject, status: "queued" })
    .onConflictDoNothing({ target: [m.kind, m.ref] });
  // Claiming the send: the conditional update is the idempotency check.
  const [claimed] = await db.orm
    .update(m)
    .set({ status: "sending", attempts: sql`${m.attempts} + 1`, updatedAt: new Date() })
    .where(and(eq(m.kind, kind), eq(m.ref, ref), ne(m.status, "sent")))
    .returning({ id: m.id });
  if (!claimed) return { status: "already_sent" };

  let providerMessageId: string;
  try {
    ({ providerMessageId } = await mailer.send({ to, ...email, messageId: `<${claimed.id}@shopwright>` }));
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    await db.orm
      .update(m)
      .set({ status: "failed", lastError: lastError.slice(0, 1000), updatedAt: new Date() })
      .where(eq(m.id, claimed.id));
    throw error;
  }
  // Accepted: should this update be lost (a crash right here), a retry sends a second copy. That
  // window — one database round trip — is the duplicate docs/jobs.md owns up to.
  await db.orm
    .update(m)
    .set({ status: "sent", providerMessageId, lastError: null, sentAt: new Date(), updatedAt: new Date() })
    .where(eq(m.id, claimed.id));
  return { status: "sent", messageId: claimed.id, providerMessageId };
}
