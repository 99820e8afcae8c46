import type { TaskHandlers } from "@shopwright/jobs";
import type { TaskDeps } from "../task-deps.ts";
import { deleteAbandonedGuestCarts, GUEST_CART_LIFETIME_DAYS } from "./abandoned-carts.ts";

export function cartTasks({ db }: TaskDeps): TaskHandlers {
  return {
    async cleanup_abandoned_carts(_payload, helpers) {
      const olderThan = new Date(Date.now() - GUEST_CART_LIFETIME_DAYS * 86_400_000);
      const deleted = await deleteAbandonedGuestCarts(db, olderThan);
      helpers.logger.info(`Deleted ${deleted} abandoned guest carts`, { deleted });
    },
  };
}
