import { SESSION_HINT_COOKIE } from "@shopwright/api/http-names";

/**
 * Whether the browser holds a session the refresh cookie could restore, read from the hint cookie
 * the server sets and clears beside the (unreadable, httpOnly) refresh cookie. Outside a browser
 * there is no cookie to read, and the answer is no.
 */
export function hasSessionHint(): boolean {
  const cookies = (globalThis as { document?: { cookie: string } }).document?.cookie ?? "";
  return cookies.split(";").some((cookie) => cookie.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}
