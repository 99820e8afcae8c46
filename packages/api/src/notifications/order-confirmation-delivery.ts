/**
 * Sends an order's confirmation at most once per acceptance by the SMTP server. `email_messages`
 * holds one row per (kind, ref): a retried job that finds it `sent` sends nothing. Each step is its
 * own short transaction; none spans the SMTP conversation.
 */
import { type Db, newId } from "@shopwright/db";
import { and, eq, ne, sql } from "drizzle-orm";
import type { ApiConfig } from "../config.ts";
import { loadOrder } from "../orders/queries.ts";
import type { Mailer } from "./mailer.ts";
import { renderOrderConfirmation } from "./order-confirmation.ts";

export const ORDER_CONFIRMATION = "order_confirmation";

export interface DeliveryDeps {
  db: Db;
  config: ApiConfig;
  mailer: Mailer;
}

export type DeliveryResult =
  | { status: "sent"; messageId: string; providerMessageId: string }
  | { status: "already_sent" };

export async function sendOrderConfirmation(deps: DeliveryDeps, orderId: string): Promise<DeliveryResult> {
  const { db, config, mailer } = deps;
  const { emailMessages: m } = db.tables;
  // A missing order throws: the job was enqueued with the order, so that is a bug to see.
  const { order, items } = await loadOrder(db, orderId);
  const email = renderOrderConfirmation({ ...order, placedAt: order.createdAt, lines: items }, config.publicUrl);

  await db.orm
    .insert(m)
    .values({
      id: newId("eml"),
      kind: ORDER_CONFIRMATION,
      ref: orderId,
      to: order.email,
      subject: email.subject,
      status: "queued",
    })
    .onConflictDoNothing({ target: [m.kind, m.ref] });
  // Claiming the send: the conditional update is the idempotency check.
  const [claimed] = await db.orm
    .update(m)
    .set({ status: "sending", attempts: sql`${m.attempts} + 1`, updatedAt: new Date() })
    .where(and(eq(m.kind, ORDER_CONFIRMATION), eq(m.ref, orderId), ne(m.status, "sent")))
    .returning({ id: m.id });
  if (!claimed) return { status: "already_sent" };

  let providerMessageId: string;
  try {
    ({ providerMessageId } = await mailer.send({ to: order.email, ...email, messageId: `<${claimed.id}@shopwright>` }));
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
