/**
 * The back office's procedures, composed from the domains that own them. This module only
 * composes: each domain exports its admin router, so `admin.*` names stay where API.md puts them.
 */
import { adminCustomersRouter } from "../auth/admin-router.ts";
import { adminCategoriesRouter } from "../catalog/category-admin-router.ts";
import { createAdminProductsRouter, type ProductOrdered } from "../catalog/product-admin-router.ts";
import type { VariantsOrdered } from "../catalog/variant-admin.ts";
import { adminMailboxRouter } from "../notifications/mailbox-router.ts";
import { adminStatsProcedure, createAdminOrdersRouter } from "../orders/admin-router.ts";
import type { OrderRefunds } from "../orders/refunds-port.ts";
import { adminRefundsRouter } from "../payments/admin-router.ts";
import { adminDiscountsRouter, adminShippingRouter, adminTaxesRouter } from "../pricing/admin-router.ts";
import { adminJobsRouter } from "../tasks/admin-router.ts";
import { mergeRouters, router } from "../trpc.ts";

export function createAdminRouter(ports: {
  productOrdered: ProductOrdered;
  variantsOrdered: VariantsOrdered;
  orderRefunds: OrderRefunds;
}) {
  return router({
    products: createAdminProductsRouter(ports),
    categories: adminCategoriesRouter,
    // Orders own the order procedures; refunds (`admin.orders.refund`) belong to payments.
    orders: mergeRouters(createAdminOrdersRouter(ports), adminRefundsRouter),
    customers: adminCustomersRouter,
    stats: adminStatsProcedure,
    jobs: adminJobsRouter,
    mailbox: adminMailboxRouter,
    shipping: adminShippingRouter,
    taxes: adminTaxesRouter,
    discounts: adminDiscountsRouter,
  });
}
