/** What the HTTP server needs from the API: the router, the context types and the config type. */

export type { ApiConfig } from "./config.ts";
export { secureCookies } from "./config.ts";
export type { Context, CookieJar, CookieOptions, ProcedureObserver, RequestInfo } from "./context.ts";
export { DomainError } from "./errors.ts";
export type { Logger } from "./logger.ts";
export type { CreatePaymentInput, PaymentGateway } from "./payments/gateway.ts";
export { gatewayApiKey, httpPaymentGateway } from "./payments/gateway.ts";
export { SIGNATURE_HEADER, signWebhook } from "./payments/signature.ts";
export { paymentTasks } from "./payments/tasks.ts";
export { receivePaymentWebhook } from "./payments/webhook.ts";
export type { AppRouter } from "./root.ts";
export { appRouter } from "./root.ts";
export type { TaskDeps, TaskHandlers } from "./tasks/types.ts";
export { createCallerFactory } from "./trpc.ts";
