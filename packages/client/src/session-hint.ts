import { SESSION_HINT_COOKIE } from "./shop-api.ts";

/**
 * Whether a refresh cookie could restore a session. In a browser the server sets and clears a
 * page-readable hint cookie beside the (httpOnly, unreadable) refresh cookie, so its absence means
 * a guest and no refresh call is needed. Without a document to read (a script with its own cookie
 * handling) there is no telling, so the answer is yes: try.
 */
export function mayHoldSession(): boolean {
  const document = (globalThis as { document?: { cookie: string } }).document;
  if (!document) return true;
  return document.cookie.split(";").some((cookie) => cookie.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}
