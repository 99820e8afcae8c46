import { text } from "@shopwright/db";
import { z } from "zod";
import { protectedProcedure } from "../auth/procedures.ts";
import type { PaymentGateway } from "../orders/payment-gateway.ts";
import { router } from "../trpc.ts";
import { simulatePayment } from "./simulate.ts";

export function createPaymentsRouter({ gateway }: { gateway: PaymentGateway }) {
  return router({
    /**
     * Approves or declines the caller's own order's simulated payment, as a tester on the provider's
     * hosted page does; the order moves once the provider's webhook arrives. Development and test
     * only: FORBIDDEN when the shop runs with NODE_ENV=production.
     */
    simulate: protectedProcedure
      .meta({ access: "the order's owner; refused when the shop runs with NODE_ENV=production" })
      .input(
        z.object({
          orderId: text().min(1).max(100),
          decision: z.enum(["approve", "decline"], { error: 'Choose "approve" or "decline"' }),
        }),
      )
      .mutation(({ ctx, input }) =>
        simulatePayment(
          { db: ctx.db, config: ctx.config, gateway },
          { userId: ctx.viewer.userId, orderId: input.orderId, decision: input.decision },
        ),
      ),
  });
}
