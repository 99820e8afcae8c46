/** What the HTTP server needs from the API: the router, the context types and the config type. */

export type { ApiConfig } from "./config.ts";
export { secureCookies } from "./config.ts";
export type { Context, CookieJar, CookieOptions, RequestInfo } from "./context.ts";
export { DomainError } from "./errors.ts";
export type { Logger } from "./logger.ts";
export type { AppRouter } from "./root.ts";
export { appRouter } from "./root.ts";
export { createCallerFactory } from "./trpc.ts";
