/**
 * @shopwright/client: the typed way to call a Shopwright shop from a script or a browser app.
 *
 *   const shop = createShopClient({ url: "http://127.0.0.1:3000" });
 *   await shop.login({ email, password });
 *   const orders = await shop.trpc.orders.list.query({});
 */
export {
  type Credentials,
  createShopClient,
  type ShopClient,
  type ShopClientOptions,
  type SignedIn,
} from "./client.ts";
export {
  describeError,
  isNetworkError,
  isRefusal,
  isShopError,
  isUnreachable,
  NetworkError,
  requestIdOf,
  type ShopError,
  type ShopErrorCode,
  UNREACHABLE_MESSAGE,
} from "./errors.ts";
export {
  errorMessage,
  type FormErrors,
  formErrors,
  type Issue,
  issueSentence,
  retryAfterSentence,
} from "./form-errors.ts";
export {
  BLANK_PASSWORD_MESSAGE,
  MAX_BATCH_SIZE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULE,
  passwordProblem,
} from "./rules.ts";
export { type AppRouter, type RouterInputs, type RouterOutputs, SESSION_HINT_COOKIE } from "./shop-api.ts";
export { memoryTokenStore, type TokenStore, type Tokens } from "./tokens.ts";
