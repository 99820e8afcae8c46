/** Routes, each page its own chunk so the first load carries only what that page needs. */
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
      { path: "search", lazy: () => import("./pages/search-page.tsx").then((m) => ({ Component: m.SearchPage })) },
      {
        path: "p/:slug",
        // Starts fetching the product while the page's code is still loading, not after.
        loader: ({ params }) => {
          void queryClient.prefetchQuery(trpc.catalog.product.queryOptions({ slug: params.slug ?? "" }));
          return null;
        },
        lazy: () => import("./pages/product-page.tsx").then((m) => ({ Component: m.ProductPage })),
      },
      { path: "cart", lazy: () => import("./pages/cart-page.tsx").then((m) => ({ Component: m.CartPage })) },
      { path: "login", lazy: () => import("./pages/auth-pages.tsx").then((m) => ({ Component: m.LoginPage })) },
      { path: "register", lazy: () => import("./pages/auth-pages.tsx").then((m) => ({ Component: m.RegisterPage })) },
      {
        path: "checkout",
        lazy: () => import("./pages/checkout-page.tsx").then((m) => ({ Component: m.CheckoutPage })),
      },
      { path: "orders", lazy: () => import("./pages/orders-page.tsx").then((m) => ({ Component: m.OrdersPage })) },
      { path: "orders/:id", lazy: () => import("./pages/order-page.tsx").then((m) => ({ Component: m.OrderPage })) },
      { path: "account", lazy: () => import("./pages/account-page.tsx").then((m) => ({ Component: m.AccountPage })) },
      { path: "*", lazy: () => import("./pages/not-found-page.tsx").then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);
