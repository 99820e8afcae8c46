/** What the HTTP server needs from the API: the router, the context types and the config type. */

export type { ApiConfig } from "./config.ts";
export { secureCookies } from "./config.ts";
export type { Context, CookieJar, CookieOptions, RequestInfo } from "./context.ts";
export { DomainError } from "./errors.ts";
export type { Logger } from "./logger.ts";
export { storeCaughtEmail } from "./notifications/mailbox.ts";
export type { Mailer } from "./notifications/mailer.ts";
export { createSmtpMailer } from "./notifications/mailer.ts";
export type { AppRouter } from "./root.ts";
export { appRouter } from "./root.ts";
export { createTaskHandlers } from "./tasks/index.ts";
export { createCallerFactory } from "./trpc.ts";
