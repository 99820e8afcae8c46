import { createAdminRouter } from "./admin/router.ts";
import { createAuthRouter } from "./auth/router.ts";
import { mergeGuestCart } from "./cart/merge.ts";
import { cartRouter } from "./cart/router.ts";
import { catalogRouter } from "./catalog/router.ts";
import { attachGuestOrders } from "./orders/guest-orders.ts";
import type { PaymentGateway } from "./orders/payment-gateway.ts";
import { productOrdered, variantsOrdered } from "./orders/queries.ts";
import { createOrdersRouter } from "./orders/router.ts";
import { orderRefunds } from "./payments/refund-queries.ts";
import { createPaymentsRouter } from "./payments/router.ts";
import { router } from "./trpc.ts";

/**
 * Every domain's router under its API.md name, with the ports each needs: the payment gateway (an
 * HTTP client in the server, a fake in procedure tests) goes only to the procedures that pay.
 */
export function createAppRouter({ gateway }: { gateway: PaymentGateway }) {
  return router({
    // Signing in adopts the guest cart, and proving an email attaches its guest orders; auth sits
    // below the cart and orders, so the hooks are composed here.
    auth: createAuthRouter({ onSignIn: mergeGuestCart, onEmailVerified: attachGuestOrders }),
    catalog: catalogRouter,
    cart: cartRouter,
    // An order's refunds live in payments, above orders; the order views read them through this port.
    orders: createOrdersRouter({ gateway, orderRefunds }),
    payments: createPaymentsRouter({ gateway }),
    // The catalog's edit form asks whether a product or a variant was ordered; orders sits above it
    // and answers.
    admin: createAdminRouter({ productOrdered, variantsOrdered, orderRefunds }),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
