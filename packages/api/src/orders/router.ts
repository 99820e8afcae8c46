import { COUNTRY_CODES, postalCodeLabel, postalFormat, REGIONS } from "@shopwright/address";
import { addressSchema, text } from "@shopwright/db";
import { z } from "zod";
import { protectedProcedure } from "../auth/procedures.ts";
import { publicProcedure, router } from "../trpc.ts";
import { checkout } from "./checkout.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { listOrders, orderDetail } from "./queries.ts";
import type { OrderRefunds } from "./refunds-port.ts";
import { retryPayment } from "./retry-payment.ts";
import { checkoutSummary } from "./summary.ts";

/** The shopper's order history comes in pages of this size. */
const ORDERS_PAGE_SIZE = 20;

const shippingMethodId = text().trim().min(1).max(100).optional();

/**
 * Where a summary prices for: the country and region are what shipping and tax read, so the page
 * can ask as soon as they are chosen, before the rest of the address is typed (a whole address,
 * whatever else it holds, is read the same way).
 */
const destination = z.object({
  country: text()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Choose a country")
    .transform((code) => code.toUpperCase()),
  region: text().trim().max(10).optional(),
});

/**
 * Checkout and retries register payments with the gateway; an order's page reads its refunds
 * through payments' `orderRefunds`. Those are the ports these procedures need.
 */
export function createOrdersRouter({ gateway, orderRefunds }: { gateway: PaymentGateway; orderRefunds: OrderRefunds }) {
  return router({
    checkout: protectedProcedure
      .input(
        z.object({
          idempotencyKey: text().trim().min(8).max(100),
          shippingAddress: addressSchema.optional(),
          shippingMethodId,
          saveAddress: z.boolean().optional(),
          expectedTotalCents: z.number().int().min(0).optional(),
        }),
      )
      .mutation(({ ctx, input }) =>
        checkout(
          { db: ctx.db, config: ctx.config, gateway, log: ctx.log },
          { userId: ctx.viewer.userId, requestId: ctx.req.requestId, ...input },
        ),
      ),

    /**
     * The cart as checkout will charge it, for the address typed (else the saved one) and the method
     * picked (else the cheapest): lines flagged when they cannot be bought as they stand.
     */
    checkoutSummary: protectedProcedure
      .input(z.object({ shippingAddress: destination.optional(), shippingMethodId }).optional())
      .query(({ ctx, input }) => checkoutSummary(ctx.db, ctx.viewer.userId, input)),

    /**
     * Every country the shop ships to, with its postal-code format and, where an address needs one,
     * its regions (@shopwright/address holds the rules; the storefront checks its form with them).
     */
    shippingCountries: publicProcedure.query(() =>
      COUNTRY_CODES.map((code) => {
        const { pattern, example } = postalFormat(code);
        const regions = REGIONS[code];
        return {
          code,
          postalCodeLabel: postalCodeLabel(code),
          postalCodePattern: pattern.source,
          postalCodeExample: example || null,
          region: regions
            ? { label: regions.label, options: Object.entries(regions.regions).map(([code, name]) => ({ code, name })) }
            : null,
        };
      }),
    ),

    list: protectedProcedure
      .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 }))
      .query(({ ctx, input }) =>
        listOrders(ctx.db, { userId: ctx.viewer.userId, page: input.page, pageSize: ORDERS_PAGE_SIZE }),
      ),

    /** A new payment attempt for a `placed` order whose payment was declined or abandoned. */
    retryPayment: protectedProcedure
      .input(z.object({ id: text().min(1).max(100) }))
      .mutation(({ ctx, input }) =>
        retryPayment(
          { db: ctx.db, config: ctx.config, gateway, log: ctx.log },
          { userId: ctx.viewer.userId, orderId: input.id },
        ),
      ),

    byId: protectedProcedure.input(z.object({ id: text().min(1).max(100) })).query(async ({ ctx, input }) => {
      const order = await orderDetail(ctx.db, ctx.viewer.userId, input.id);
      const { refundedCents, refunds } = await orderRefunds(ctx.db, order.id);
      return {
        ...order,
        refundedCents,
        refunds: refunds.map(({ id, amountCents, status, reason, at }) => ({ id, amountCents, status, reason, at })),
      };
    }),
  });
}
