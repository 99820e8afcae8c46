/**
 * An order that will not be paid any more (cancelled by an admin, expired, or paid by another
 * attempt) must not leave a hosted payment page that still takes money. Its open attempts are
 * closed here and at the gateway; an attempt the shopper approved meanwhile stays as the gateway
 * says, and its success webhook (still on its way) is flagged for a refund when it lands.
 */

import { isCaptured } from "@shopwright/db";
import { attemptsOf, failPendingAttempts, type PaymentDeps } from "../orders/payment-attempts.ts";

export async function voidOpenAttempts(
  { db, gateway }: Pick<PaymentDeps, "db" | "gateway">,
  orderId: string,
): Promise<{ voided: number; alreadyPaid: string[] }> {
  await failPendingAttempts(db, orderId);
  // Declined attempts are asked too: voiding is harmless at the gateway, and our `failed` may be
  // the expiry's verdict rather than the gateway's.
  const registered = (await attemptsOf(db, orderId)).filter((a) => !isCaptured(a.status) && a.paymentUrl);
  let voided = 0;
  const alreadyPaid: string[] = [];
  for (const { id } of registered) {
    const { status } = await gateway.voidPayment(id);
    if (status === "voided") voided += 1;
    else if (status === "succeeded") alreadyPaid.push(id);
  }
  return { voided, alreadyPaid };
}
