import { adminProcedure, router } from "../trpc.ts";
import { adminCategoriesRouter } from "./categories-router.ts";
import { adminJobsRouter } from "./jobs-router.ts";
import { adminMailboxRouter } from "./mailbox-router.ts";
import { adminOrdersRouter } from "./orders-router.ts";
import { adminProductsRouter } from "./products-router.ts";
import { adminStats } from "./stats.ts";

export const adminRouter = router({
  products: adminProductsRouter,
  categories: adminCategoriesRouter,
  orders: adminOrdersRouter,
  stats: adminProcedure.query(({ ctx }) => adminStats(ctx.db)),
  jobs: adminJobsRouter,
  mailbox: adminMailboxRouter,
});
