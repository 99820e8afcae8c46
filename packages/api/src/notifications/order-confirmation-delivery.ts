/** Sends an order's confirmation, once (see send-once.ts). */
import type { Db } from "@shopwright/db";
import type { ApiConfig } from "../config.ts";
import { loadOrder } from "../orders/queries.ts";
import type { Mailer } from "./mailer.ts";
import { renderOrderConfirmation } from "./order-confirmation.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const ORDER_CONFIRMATION = "order_confirmation";

export interface DeliveryDeps {
  db: Db;
  config: ApiConfig;
  mailer: Mailer;
}

export async function sendOrderConfirmation(deps: DeliveryDeps, orderId: string): Promise<DeliveryResult> {
  // A missing order throws: the job was enqueued with the order, so that is a bug to see.
  const { order, items } = await loadOrder(deps.db, orderId);
  const email = renderOrderConfirmation({ ...order, placedAt: order.createdAt, lines: items }, deps.config.publicUrl);
  return sendOnce(deps, { kind: ORDER_CONFIRMATION, ref: orderId, to: order.email, email });
}
