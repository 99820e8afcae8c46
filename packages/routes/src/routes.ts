/**
 * The pages of both apps that other code links to, declared once: the SPAs' routers mount these
 * patterns, and links — in the apps, in emails, in payment return URLs — are built from them.
 * Imports nothing and sits below every other package, so the server (emails, payment return URLs)
 * uses it as well as the SPAs, which reach it through `@shopwright/client/routes`.
 */

type ParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export interface Route<P extends string> {
  /** The pattern a router mounts, e.g. "/orders/:id". */
  readonly path: P;
  /** The path to one page, its params encoded: `order.href({ id: "ord_1" })` → "/orders/ord_1". */
  href(...params: [ParamName<P>] extends [never] ? [] : [Record<ParamName<P>, string>]): string;
}

function route<P extends string>(path: P): Route<P> {
  return {
    path,
    href: (...[params]: [Record<string, string>?]) =>
      path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? "")),
  };
}

/** The storefront, at the site's root. */
export const storefrontRoutes = {
  home: route("/"),
  search: route("/search"),
  product: route("/p/:slug"),
  cart: route("/cart"),
  login: route("/login"),
  register: route("/register"),
  forgotPassword: route("/forgot-password"),
  /** The emailed reset link lands here, its token in the fragment (never sent to a server). */
  resetPassword: route("/reset-password"),
  /** The emailed verification link lands here, its token in the fragment as for the reset link. */
  verifyEmail: route("/verify-email"),
  checkout: route("/checkout"),
  orders: route("/orders"),
  order: route("/orders/:id"),
  /**
   * A guest's order, opened by the link in its confirmation email: `/my-order#token=<token>`, the
   * token in the fragment as for the reset link, so it never reaches a server log or a Referer.
   */
  orderLink: route("/my-order"),
  /** "Find my order": an email and an order number, answered by emailing the order link again. */
  findOrder: route("/find-order"),
  account: route("/account"),
};

/** Where the admin app is served; its routes below are relative to it. */
export const ADMIN_BASE_PATH = "/admin";

export const adminRoutes = {
  dashboard: route("/"),
  login: route("/login"),
  products: route("/products"),
  newProduct: route("/products/new"),
  product: route("/products/:id"),
  categories: route("/categories"),
  orders: route("/orders"),
  order: route("/orders/:id"),
  customers: route("/customers"),
  customer: route("/customers/:id"),
  shipping: route("/shipping"),
  taxes: route("/taxes"),
  discounts: route("/discounts"),
  jobs: route("/jobs"),
  mailbox: route("/mailbox"),
};
