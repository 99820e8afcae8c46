/** The route patterns of the two SPAs, which the server answers with 200; any other page is 404. */
export const storefrontRoutePatterns = [
  "/",
  "/search",
  "/p/:slug",
  "/cart",
  "/login",
  "/register",
  "/checkout",
  "/orders",
  "/orders/:id",
  "/account",
];

export const adminRoutePatterns = [
  "/",
  "/login",
  "/products",
  "/products/new",
  "/products/:id",
  "/categories",
  "/orders",
  "/orders/:id",
  "/jobs",
  "/mailbox",
];
