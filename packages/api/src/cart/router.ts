import { text } from "@shopwright/db";
import { z } from "zod";
import type { Viewer } from "../auth/access-token.ts";
import { viewerProcedure } from "../auth/procedures.ts";
import type { Context } from "../context.ts";
import { API_PATH, CART_COOKIE } from "../http-names.ts";
import { router } from "../trpc.ts";
import { GUEST_CART_LIFETIME_DAYS } from "./abandoned-carts.ts";
import {
  addCartItem,
  applyDiscountCode,
  type CartOwner,
  type CartView,
  getCart,
  MAX_LINE_QUANTITY,
  removeCartItem,
  removeDiscountCode,
  updateCartItem,
} from "./service.ts";

const id = text().trim().min(1).max(100);
const quantity = z.number().int().max(MAX_LINE_QUANTITY);

/**
 * A line is named by `variantId`; `productId` alone still names a product's only variant for sale,
 * as before products had variants (the service refuses one that offers a choice).
 */
const choice = { variantId: id.optional(), productId: id.optional() };
const namesALine = (value: { variantId?: string; productId?: string }) =>
  value.variantId !== undefined || value.productId !== undefined;
const mustNameALine = { path: ["variantId"], message: "Choose what to put in the cart" };

type ViewerContext = Pick<Context, "req" | "cookies" | "config"> & { viewer: Viewer | null };

function owner(ctx: ViewerContext): CartOwner {
  if (ctx.viewer) return { userId: ctx.viewer.userId };
  return { guestToken: ctx.req.cartToken, ...(ctx.config.rateLimits ? { address: ctx.req.ip } : {}) };
}

/** Browsers keep the guest token in a cookie that lasts as long as an untouched cart does. */
function rememberGuestCart<T extends CartView>(ctx: ViewerContext, cart: T): T {
  if (cart.cartToken) {
    ctx.cookies.set(CART_COOKIE, cart.cartToken, { path: API_PATH, maxAgeSeconds: GUEST_CART_LIFETIME_DAYS * 86_400 });
  }
  return cart;
}

export const cartRouter = router({
  get: viewerProcedure.query(({ ctx }) => getCart(ctx.db, owner(ctx))),
  addItem: viewerProcedure
    .input(z.object({ ...choice, quantity: quantity.min(1) }).refine(namesALine, mustNameALine))
    .mutation(async ({ ctx, input }) => rememberGuestCart(ctx, await addCartItem(ctx.db, owner(ctx), input))),
  updateItem: viewerProcedure
    .input(z.object({ ...choice, quantity: quantity.min(0) }).refine(namesALine, mustNameALine))
    .mutation(async ({ ctx, input }) => rememberGuestCart(ctx, await updateCartItem(ctx.db, owner(ctx), input))),
  removeItem: viewerProcedure
    .input(z.object(choice).refine(namesALine, mustNameALine))
    .mutation(async ({ ctx, input }) => rememberGuestCart(ctx, await removeCartItem(ctx.db, owner(ctx), input))),
  applyDiscountCode: viewerProcedure
    .input(z.object({ code: text().max(100) }))
    .mutation(({ ctx, input }) =>
      applyDiscountCode(ctx.db, owner(ctx), input.code, { rateLimited: ctx.config.rateLimits }),
    ),
  removeDiscountCode: viewerProcedure.mutation(({ ctx }) => removeDiscountCode(ctx.db, owner(ctx))),
});
