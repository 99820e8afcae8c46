/**
 * The HTTP names the API and the server share, declared once: where the API is mounted, its
 * cookies and the cart header. (Page routes live in @shopwright/routes.)
 */

/** Where the tRPC API is mounted; both cookies travel only there, never with pages or assets. */
export const API_PATH = "/trpc";
export const CART_COOKIE = "sw_cart";
export const CART_TOKEN_HEADER = "x-cart-token";
export const REFRESH_COOKIE = "sw_refresh";
