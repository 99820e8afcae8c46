import { orderStatuses, text } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { pageInput } from "../lib/listing.ts";
import { router } from "../trpc.ts";
import { adminOrderById, setOrderStatus, setTrackingNumber } from "./admin-orders.ts";
import { ordersCsv } from "./export.ts";
import { listOrders } from "./queries.ts";
import type { OrderRefunds } from "./refunds-port.ts";
import { adminStats } from "./stats.ts";

const status = z.enum(orderStatuses);
const id = text().min(1).max(100);
const trackingNumber = text()
  .trim()
  .min(1, "Enter the tracking number")
  .max(100)
  .regex(/^[A-Za-z0-9 -]+$/, "A tracking number has letters, digits, spaces and dashes only");

/** The back office's order procedures; `orderRefunds` is payments' reader of an order's refunds. */
export function createAdminOrdersRouter({ orderRefunds }: { orderRefunds: OrderRefunds }) {
  return router({
    list: adminProcedure
      .input(
        z
          .object({
            status: status.optional(),
            email: text().trim().max(320).optional(),
            /** An order number (`1042` or `#1042`), or part of the customer's email or name. */
            q: text().trim().max(320).optional(),
            ...pageInput,
          })
          .default({ page: 1, pageSize: 20 }),
      )
      .query(({ ctx, input }) => listOrders(ctx.db, input)),

    /** Every order the filter selects (up to `EXPORT_LIMIT`, newest first) as CSV, with each part of its total. */
    exportCsv: adminProcedure
      .input(z.object({ status: status.optional(), q: text().trim().max(320).optional() }).default({}))
      .query(({ ctx, input }) => ordersCsv(ctx.db, input)),

    byId: adminProcedure
      .input(z.object({ id }))
      .query(({ ctx, input }) => adminOrderById(ctx.db, input.id, orderRefunds)),

    /** An invalid move (a shipped order back to processing, say) is CONFLICT; the state machine decides. */
    setStatus: adminProcedure
      .input(
        z.object({
          id,
          status,
          note: text().trim().max(500).optional(),
          /** Given when shipping: the customer sees it in the email and on the order page. */
          trackingNumber: trackingNumber.optional(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await setOrderStatus(ctx.db, ctx.viewer.userId, input);
        return adminOrderById(ctx.db, input.id, orderRefunds);
      }),

    /**
     * Adds or corrects a shipped order's tracking number (a parcel shipped without one, a typo): the
     * customer's order page shows it at once and an email tells them. Before shipping it goes with
     * `setStatus`; after delivery it no longer changes (CONFLICT).
     */
    setTracking: adminProcedure.input(z.object({ id, trackingNumber })).mutation(async ({ ctx, input }) => {
      await setTrackingNumber(ctx.db, ctx.viewer.userId, input);
      return adminOrderById(ctx.db, input.id, orderRefunds);
    }),
  });
}

/** The dashboard's figures: orders by status, paid revenue, stock to reorder. */
export const adminStatsProcedure = adminProcedure.query(({ ctx }) => adminStats(ctx.db));
