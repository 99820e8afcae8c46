/**
 * Rules the server enforces and clients should know before they meet them: what a password must
 * be, how many calls one request may batch. Free of imports beyond its own, so a browser bundle
 * can take it (through @shopwright/client).
 */
export {
  BLANK_PASSWORD_MESSAGE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULE,
  passwordProblem,
} from "./auth/password-policy.ts";
export { MAX_BATCH_SIZE } from "./http-names.ts";
