import { text } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { router } from "../trpc.ts";
import { requestRefund } from "./refunds.ts";

/** A bound far past any order, so a typo of extra digits is an input error, not a database one. */
const MAX_CENTS = 100_000_000_000;
const cents = (what: string) =>
  z
    .number({ error: `Enter ${what} in whole cents` })
    .int(`Enter ${what} in whole cents`)
    .min(0, `${what[0]?.toUpperCase()}${what.slice(1)} cannot be negative`)
    .max(MAX_CENTS);

const refundLine = z.object({
  itemId: text().min(1).max(100),
  quantity: z.number().int("Refund whole units").min(1, "Refund at least one unit of a line").max(100_000),
  /** Put the units back in stock once the refund succeeds. */
  restock: z.boolean(),
});

/** The payments domain's back-office procedures, composed into `admin.orders` (admin/router.ts). */
export const adminRefundsRouter = router({
  /**
   * Gives money back from the order's captured payment: whole lines or some of their units (each
   * line's paid amount, restocked when asked once the refund succeeds), shipping, and/or a custom
   * amount. Answers at once with the refund `pending`; the provider's webhook settles it. The same
   * idempotencyKey is the same refund; more than is left, an unpaid or fully refunded order, is a
   * BAD_REQUEST or CONFLICT saying so, and nothing is written.
   */
  refund: adminProcedure
    .input(
      z.object({
        id: text().min(1).max(100),
        idempotencyKey: text().trim().min(8).max(100),
        lines: z
          .array(refundLine)
          .max(500)
          .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, "Name each line once")
          .optional(),
        shippingCents: cents("the shipping refund").optional(),
        amountCents: cents("the amount").optional(),
        reason: text().trim().min(1, "Say why the money goes back").max(500),
      }),
    )
    .mutation(({ ctx, input }) =>
      requestRefund(ctx.db, {
        orderId: input.id,
        idempotencyKey: input.idempotencyKey,
        reason: input.reason,
        actorId: ctx.viewer.userId,
        requestId: ctx.req.requestId,
        ...(input.lines ? { lines: input.lines } : {}),
        ...(input.shippingCents !== undefined ? { shippingCents: input.shippingCents } : {}),
        ...(input.amountCents !== undefined ? { amountCents: input.amountCents } : {}),
      }),
    ),
});
