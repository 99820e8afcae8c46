/** Routes, each page its own chunk so the first load carries only what that page needs. */
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { createBrowserRouter } from "react-router";
import { Layout } from "./components/layout.tsx";
import { queryClient, trpc } from "./lib/api.ts";
import { RouteError } from "./pages/route-error.tsx";

export const router = createBrowserRouter([
  {
    Component: Layout,
    ErrorBoundary: RouteError,
    // The first page's code loads in a few tens of milliseconds; a blank page beats a flash of a shell.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: () => import("./pages/home-page.tsx").then((m) => ({ Component: m.HomePage })) },
      {
        path: routes.search.path,
        lazy: () => import("./pages/search-page.tsx").then((m) => ({ Component: m.SearchPage })),
      },
      {
        path: routes.product.path,
        // Starts fetching the product while the page's code is still loading, not after.
        loader: ({ params }) => {
          void queryClient.prefetchQuery(trpc.catalog.product.queryOptions({ slug: params.slug ?? "" }));
          return null;
        },
        lazy: () => import("./pages/product-page.tsx").then((m) => ({ Component: m.ProductPage })),
      },
      { path: routes.cart.path, lazy: () => import("./pages/cart-page.tsx").then((m) => ({ Component: m.CartPage })) },
      {
        path: routes.login.path,
        lazy: () => import("./pages/auth-pages.tsx").then((m) => ({ Component: m.LoginPage })),
      },
      {
        path: routes.register.path,
        lazy: () => import("./pages/auth-pages.tsx").then((m) => ({ Component: m.RegisterPage })),
      },
      {
        path: routes.forgotPassword.path,
        lazy: () => import("./pages/password-reset-pages.tsx").then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: routes.resetPassword.path,
        lazy: () => import("./pages/password-reset-pages.tsx").then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        path: routes.verifyEmail.path,
        lazy: () => import("./pages/verify-email-page.tsx").then((m) => ({ Component: m.VerifyEmailPage })),
      },
      {
        path: routes.checkout.path,
        lazy: () => import("./pages/checkout-page.tsx").then((m) => ({ Component: m.CheckoutPage })),
      },
      {
        path: routes.orders.path,
        lazy: () => import("./pages/orders-page.tsx").then((m) => ({ Component: m.OrdersPage })),
      },
      {
        path: routes.order.path,
        lazy: () => import("./pages/order-page.tsx").then((m) => ({ Component: m.OrderPage })),
      },
      {
        path: routes.orderLink.path,
        lazy: () => import("./pages/guest-order-page.tsx").then((m) => ({ Component: m.GuestOrderPage })),
      },
      {
        path: routes.findOrder.path,
        lazy: () => import("./pages/find-order-page.tsx").then((m) => ({ Component: m.FindOrderPage })),
      },
      {
        path: routes.account.path,
        lazy: () => import("./pages/account-page.tsx").then((m) => ({ Component: m.AccountPage })),
      },
      { path: "*", lazy: () => import("./pages/not-found-page.tsx").then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);
