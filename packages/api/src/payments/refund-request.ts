/**
 * The `request_refund` job's work: hand a pending refund to the provider. Run after the admin's
 * transaction committed, and retried with backoff while the provider cannot be reached; the
 * provider is idempotent on the refund id, so a retry after a lost answer refunds nothing twice.
 */
import type { Db } from "@shopwright/db";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { eq } from "drizzle-orm";
import type { RefundGateway } from "./refund-gateway.ts";

/** `settled` when the webhook already settled it (nothing to ask), `requested` otherwise. */
export async function sendRefundToProvider(
  { db, gateway }: { db: Db; gateway: RefundGateway },
  refundId: string,
): Promise<"requested" | "settled" | "unknown"> {
  const { refunds } = paymentsTables(db);
  const [refund] = await db.orm
    .select({
      paymentId: refunds.paymentId,
      amountCents: refunds.amountCents,
      reason: refunds.reason,
      status: refunds.status,
    })
    .from(refunds)
    .where(eq(refunds.id, refundId));
  if (!refund) return "unknown";
  if (refund.status !== "pending") return "settled";
  await gateway.refundPayment({
    refundId,
    paymentId: refund.paymentId,
    amountCents: refund.amountCents,
    reason: refund.reason,
  });
  return "requested";
}
