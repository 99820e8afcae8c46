/**
 * Everything the client takes from the shop's API package, in one place: the router's type and
 * the cookie names both sides share. In the workspace it is the API's source; the published
 * package replaces this module's declarations with the router's types written out whole
 * (`build.ts`), so an outside project needs none of the server's code.
 */
export type { AppRouter, RouterInputs, RouterOutputs } from "@shopwright/api";
export { SESSION_HINT_COOKIE } from "@shopwright/api/http-names";
