import { useLocation } from "react-router";

/**
 * The token of an emailed link (a password reset, an email verification, a guest's order): it rides
 * in the fragment, `#token=…`, which the browser never sends, so it reaches no server log or Referer.
 */
export function useLinkToken(): string {
  return new URLSearchParams(useLocation().hash.slice(1)).get("token") ?? "";
}
