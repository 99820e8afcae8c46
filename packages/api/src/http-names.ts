/**
 * The HTTP names the API and the server share, declared once: where the API is mounted, its
 * cookies and the cart header. (Page routes live in @shopwright/routes.) @shopwright/client reads
 * the session hint from here, so this file imports nothing.
 */

/** Where the tRPC API is mounted; both cookies travel only there, never with pages or assets. */
export const API_PATH = "/trpc";
export const CART_COOKIE = "sw_cart";
export const CART_TOKEN_HEADER = "x-cart-token";
export const REFRESH_COOKIE = "sw_refresh";
/**
 * Set and cleared together with the refresh cookie, on every path, readable by page scripts and
 * holding no secret ("1"): it tells a freshly loaded app whether a session can be restored, so a
 * guest's page load makes no refresh call that is certain to fail.
 */
export const SESSION_HINT_COOKIE = "sw_session";

/** The most calls one HTTP request may batch; @shopwright/client batches no more than this. */
export const MAX_BATCH_SIZE = 20;
