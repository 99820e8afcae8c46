import { addressSchema } from "@shopwright/db";
import { z } from "zod";
import { protectedProcedure, router } from "../trpc.ts";
import { checkout } from "./checkout.ts";
import { listOrders, orderDetail } from "./queries.ts";

/** The shopper's order history comes in pages of this size. */
const ORDERS_PAGE_SIZE = 20;

export const ordersRouter = router({
  checkout: protectedProcedure
    .input(
      z.object({
        idempotencyKey: z.string().trim().min(8).max(100),
        shippingAddress: addressSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      checkout(
        { db: ctx.db, config: ctx.config, gateway: ctx.gateway, log: ctx.log },
        { userId: ctx.viewer.userId, requestId: ctx.req.requestId, ...input },
      ),
    ),

  list: protectedProcedure
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 }))
    .query(({ ctx, input }) =>
      listOrders(ctx.db, { userId: ctx.viewer.userId, page: input.page, pageSize: ORDERS_PAGE_SIZE }),
    ),

  byId: protectedProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => orderDetail(ctx.db, ctx.viewer.userId, input.id)),
});
