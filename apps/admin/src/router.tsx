/** The admin app's routes, each page its own chunk, all behind the admin guard except login. */
import { ADMIN_BASE_PATH, adminRoutes as routes } from "@shopwright/client/routes";
import { createBrowserRouter, Navigate, useLocation } from "react-router";
import { Layout, Loading } from "./components/layout.tsx";
import { RouteError } from "./components/route-error.tsx";
import { useSession } from "./lib/session.ts";

function RequireAdmin() {
  const state = useSession();
  const location = useLocation();
  if (state.status === "restoring") return <Loading />;
  if (state.status === "signedOut")
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Layout user={state.user} />;
}

export const router = createBrowserRouter(
  [
    {
      path: routes.login.path,
      hydrateFallbackElement: <Loading />,
      ErrorBoundary: RouteError,
      lazy: async () => ({ Component: (await import("./pages/login-page.tsx")).LoginPage }),
    },
    {
      element: <RequireAdmin />,
      hydrateFallbackElement: <Loading />,
      children: [
        {
          // The frame stays when a page fails: its error shows where the page would be.
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import("./pages/dashboard-page.tsx")).DashboardPage }),
            },
            {
              path: routes.products.path,
              lazy: async () => ({ Component: (await import("./pages/products/products-page.tsx")).ProductsPage }),
            },
            {
              path: routes.newProduct.path,
              lazy: async () => ({ Component: (await import("./pages/products/product-page.tsx")).NewProductPage }),
            },
            {
              path: routes.product.path,
              lazy: async () => ({ Component: (await import("./pages/products/product-page.tsx")).EditProductPage }),
            },
            {
              path: routes.categories.path,
              lazy: async () => ({
                Component: (await import("./pages/categories/categories-page.tsx")).CategoriesPage,
              }),
            },
            {
              path: routes.orders.path,
              lazy: async () => ({ Component: (await import("./pages/orders/orders-page.tsx")).OrdersPage }),
            },
            {
              path: routes.order.path,
              lazy: async () => ({ Component: (await import("./pages/orders/order-page.tsx")).OrderPage }),
            },
            {
              path: routes.customers.path,
              lazy: async () => ({
                Component: (await import("./pages/customers/customers-page.tsx")).CustomersPage,
              }),
            },
            {
              path: routes.customer.path,
              lazy: async () => ({
                Component: (await import("./pages/customers/customer-page.tsx")).CustomerPage,
              }),
            },
            {
              path: routes.shipping.path,
              lazy: async () => ({ Component: (await import("./pages/pricing/shipping-page.tsx")).ShippingPage }),
            },
            {
              path: routes.taxes.path,
              lazy: async () => ({ Component: (await import("./pages/pricing/taxes-page.tsx")).TaxesPage }),
            },
            {
              path: routes.discounts.path,
              lazy: async () => ({ Component: (await import("./pages/pricing/discounts-page.tsx")).DiscountsPage }),
            },
            {
              path: routes.jobs.path,
              lazy: async () => ({ Component: (await import("./pages/jobs/jobs-page.tsx")).JobsPage }),
            },
            {
              path: routes.mailbox.path,
              lazy: async () => ({ Component: (await import("./pages/mailbox/mailbox-page.tsx")).MailboxPage }),
            },
            { path: "*", lazy: async () => ({ Component: (await import("./pages/not-found-page.tsx")).NotFoundPage }) },
          ],
        },
      ],
    },
  ],
  { basename: ADMIN_BASE_PATH },
);
