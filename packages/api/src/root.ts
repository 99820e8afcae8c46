import { adminRouter } from "./admin/router.ts";
import { authRouter } from "./auth/router.ts";
import { cartRouter } from "./cart/router.ts";
import { catalogRouter } from "./catalog/router.ts";
import { ordersRouter } from "./orders/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  orders: ordersRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
