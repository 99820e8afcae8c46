/** Sends an order's confirmation, once (see send-once.ts). */
import type { Db } from "@shopwright/db";
import type { ApiConfig } from "../config.ts";
import { orderLinkUrl, recordOrderLink } from "../orders/order-links.ts";
import { loadOrder } from "../orders/queries.ts";
import type { Mailer } from "./mailer.ts";
import { renderOrderConfirmation } from "./order-confirmation.ts";
import { orderPageUrl } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const ORDER_CONFIRMATION = "order_confirmation";

export interface DeliveryDeps {
  db: Db;
  config: ApiConfig;
  mailer: Mailer;
}

/**
 * A guest's confirmation carries a link to the order derived from the job's seed (recorded here, so
 * a retry records and sends the same one); an account's links to the order's page.
 */
export async function sendOrderConfirmation(
  deps: DeliveryDeps,
  payload: { orderId: string; seed?: string | undefined },
): Promise<DeliveryResult> {
  const { orderId, seed } = payload;
  // A missing order throws: the job was enqueued with the order, so that is a bug to see.
  const { order, items } = await loadOrder(deps.db, orderId);
  const link =
    order.placedAsGuest && seed
      ? orderLinkUrl(deps.config, await recordOrderLink(deps.db, deps.config, orderId, seed))
      : orderPageUrl(order, deps.config.publicUrl);
  const email = renderOrderConfirmation({ ...order, placedAt: order.createdAt, lines: items }, link);
  return sendOnce(deps, { kind: ORDER_CONFIRMATION, ref: orderId, to: order.email, email });
}
