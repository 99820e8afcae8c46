/** The dev mail catcher's inbox: what it stores, and what the admin Mailbox reads. */
import { type Db, newId } from "@shopwright/db";
import { mailCatcherTables } from "@shopwright/db/tables/mail-catcher";
import { desc, eq } from "drizzle-orm";
import { notFound } from "../errors.ts";

export interface CaughtEmail {
  from: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  messageId: string | null;
}

export async function storeCaughtEmail(db: Db, email: CaughtEmail): Promise<string> {
  const id = newId("mbx");
  await db.orm.insert(mailCatcherTables(db).mailboxMessages).values({ id, ...email });
  return id;
}

/** The newest messages first, without their bodies. */
export async function listMailbox(db: Db, limit = 100) {
  const t = mailCatcherTables(db).mailboxMessages;
  return db.orm
    .select({ id: t.id, from: t.from, to: t.to, subject: t.subject, receivedAt: t.receivedAt })
    .from(t)
    .orderBy(desc(t.receivedAt), desc(t.id))
    .limit(limit);
}

export async function getMailboxMessage(db: Db, id: string) {
  const t = mailCatcherTables(db).mailboxMessages;
  const [message] = await db.orm.select().from(t).where(eq(t.id, id));
  if (!message) throw notFound("Message");
  return message;
}
