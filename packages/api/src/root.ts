import { createAdminRouter } from "./admin/router.ts";
import { createAuthRouter } from "./auth/router.ts";
import { mergeGuestCart } from "./cart/merge.ts";
import { cartRouter } from "./cart/router.ts";
import { catalogRouter } from "./catalog/router.ts";
import { productOrdered } from "./orders/queries.ts";
import { ordersRouter } from "./orders/router.ts";
import { paymentsRouter } from "./payments/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  // Signing in adopts the guest cart; auth sits below the cart, so the hook is composed here.
  auth: createAuthRouter({ onSignIn: mergeGuestCart }),
  catalog: catalogRouter,
  cart: cartRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  // The catalog's edit form asks whether a product was ordered; orders sits above it and answers.
  admin: createAdminRouter({ productOrdered }),
});

export type AppRouter = typeof appRouter;
