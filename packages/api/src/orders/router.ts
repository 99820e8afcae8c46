import { COUNTRY_CODES, postalCodeLabel, postalFormat, REGIONS } from "@shopwright/address";
import { addressSchema, type Db, text } from "@shopwright/db";
import { z } from "zod";
import { emailAddress } from "../auth/email-address.ts";
import { protectedProcedure, viewerProcedure } from "../auth/procedures.ts";
import { badRequest, unauthorized } from "../errors.ts";
import { publicProcedure, router } from "../trpc.ts";
import { checkout, type Shopper } from "./checkout.ts";
import { findMyOrder } from "./find-my-order.ts";
import { orderIdForLink } from "./order-links.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { linkedOrderDetail, listOrders, orderDetail } from "./queries.ts";
import type { OrderRefunds } from "./refunds-port.ts";
import { retryPayment } from "./retry-payment.ts";
import { checkoutSummary } from "./summary.ts";

/** The shopper's order history comes in pages of this size. */
const ORDERS_PAGE_SIZE = 20;

const shippingMethodId = text().trim().min(1).max(100).optional();

/** An order link's token, as the page read it from the link's fragment. */
const orderLinkToken = text().trim().min(1).max(200);

/** An order number as people copy it from an email: `1042` or `#1042`. */
const orderNumber = z
  .union([
    z.number(),
    text()
      .trim()
      .regex(/^#?\s*\d{1,9}$/, "Enter the order number from your email, such as 1042"),
  ])
  .transform((value) => (typeof value === "number" ? value : Number(value.replace(/\D/g, ""))))
  .pipe(z.number().int("Enter the order number from your email, such as 1042").positive().max(999_999_999));

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
  /** An order as its shopper sees it, with its refunds (payments', read through the port). */
  async function withRefunds<Order extends { id: string }>(db: Db, order: Order) {
    const { refundedCents, refunds } = await orderRefunds(db, order.id);
    return {
      ...order,
      refundedCents,
      refunds: refunds.map(({ id, amountCents, status, reason, at }) => ({ id, amountCents, status, reason, at })),
    };
  }

  return router({
    /**
     * A signed-in shopper's cart becomes their order (mail to the account's address; `email` is not
     * used). A guest's cart (its token) becomes an order that belongs to `email`, shipped to
     * `shippingAddress` (both required), with `orderToken` to open it.
     */
    checkout: viewerProcedure
      .meta({ access: "signed in, or a guest (cart token) with `email` and `shippingAddress`" })
      .input(
        z.object({
          idempotencyKey: text().trim().min(8).max(100),
          shippingAddress: addressSchema.optional(),
          shippingMethodId,
          email: emailAddress.optional(),
          saveAddress: z.boolean().optional(),
          expectedTotalCents: z.number().int().min(0).optional(),
        }),
      )
      .mutation(({ ctx, input }) => {
        const { email, ...request } = input;
        let shopper: Shopper;
        if (ctx.viewer) shopper = { userId: ctx.viewer.userId };
        else if (email) shopper = { guest: { cartToken: ctx.req.cartToken, email } };
        else throw badRequest("Enter your email address: your receipt and order link go there", { field: "email" });
        return checkout(
          { db: ctx.db, config: ctx.config, gateway, log: ctx.log },
          { shopper, requestId: ctx.req.requestId, ...request },
        );
      }),

    /**
     * The cart as checkout will charge it, for the address typed (else the saved one) and the method
     * picked (else the cheapest): lines flagged when they cannot be bought as they stand.
     */
    checkoutSummary: viewerProcedure
      .input(z.object({ shippingAddress: destination.optional(), shippingMethodId }).optional())
      .query(({ ctx, input }) =>
        checkoutSummary(ctx.db, ctx.viewer ? { userId: ctx.viewer.userId } : { guestToken: ctx.req.cartToken }, input),
      ),

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

    /**
     * A new payment attempt for a `placed` order whose payment was declined or abandoned: the
     * owner's order by `id`, or the order an order link opens by `token`.
     */
    retryPayment: viewerProcedure
      .meta({ access: "the order's owner (`id`), or the holder of an order link (`token`)" })
      .input(
        z
          .object({ id: text().min(1).max(100).optional(), token: orderLinkToken.optional() })
          .refine((input) => (input.id === undefined) !== (input.token === undefined), {
            path: ["id"],
            message: "Name the order by its id, or by its link's token",
          }),
      )
      .mutation(async ({ ctx, input }) => {
        const deps = { db: ctx.db, config: ctx.config, gateway, log: ctx.log };
        if (input.token) {
          const orderId = await orderIdForLink(ctx.db, ctx.config, input.token, { ip: ctx.req.ip });
          return retryPayment(deps, { orderId, access: "order-link" });
        }
        if (!ctx.viewer) throw unauthorized();
        return retryPayment(deps, { orderId: input.id ?? "", access: { userId: ctx.viewer.userId } });
      }),

    byId: protectedProcedure
      .input(z.object({ id: text().min(1).max(100) }))
      .query(async ({ ctx, input }) => withRefunds(ctx.db, await orderDetail(ctx.db, ctx.viewer.userId, input.id))),

    /** The order an order link opens (a guest's confirmation email), exactly as `byId` shows it. */
    byAccessToken: publicProcedure
      .meta({ access: "the holder of an order link" })
      .input(z.object({ token: orderLinkToken }))
      .query(async ({ ctx, input }) => {
        const orderId = await orderIdForLink(ctx.db, ctx.config, input.token, { ip: ctx.req.ip });
        return withRefunds(ctx.db, await linkedOrderDetail(ctx.db, orderId));
      }),

    /**
     * Emails a new link to the order when `email` and `number` name one; the answer is the same
     * whether or not they do.
     */
    findMyOrder: publicProcedure
      .input(z.object({ email: emailAddress, number: orderNumber }))
      .mutation(async ({ ctx, input }) => {
        await findMyOrder(ctx.db, ctx.config, input, { ip: ctx.req.ip, requestId: ctx.req.requestId });
        return { ok: true as const };
      }),
  });
}
