/** What the HTTP server and the worker need from the API; clients import only `AppRouter`'s type. */

export { hashPassword } from "./auth/password.ts";
export { benchCeilingRouter } from "./bench-ceiling.ts";
export type { MediaAnswer } from "./catalog/image-delivery.ts";
export { mediaAnswer } from "./catalog/image-delivery.ts";
export { liveStock } from "./catalog/product.ts";
export { MAX_IMAGE_BYTES } from "./catalog/product-images.ts";
export { cacheableCatalogQueries } from "./catalog/router.ts";
export { readCatalogVersion } from "./catalog/version.ts";
export type { ApiConfig, S3Config } from "./config.ts";
export { secureCookies } from "./config.ts";
export type { Context, CookieJar, CookieOptions, ProcedureObserver, RequestInfo } from "./context.ts";
export { DomainError } from "./errors.ts";
export { API_PATH, CART_COOKIE, CART_TOKEN_HEADER, REFRESH_COOKIE } from "./http-names.ts";
export type { Logger } from "./logger.ts";
export { mediaStorageFor } from "./media/storage.ts";
export { storeCaughtEmail } from "./notifications/mailbox.ts";
export type { Mailer } from "./notifications/mailer.ts";
export { createSmtpMailer } from "./notifications/mailer.ts";
export type { CreatePaymentInput, PaymentGateway } from "./orders/payment-gateway.ts";
export { gatewayApiKey, httpPaymentGateway } from "./payments/gateway.ts";
export { SIGNATURE_HEADER, signWebhook } from "./payments/signature.ts";
export { receivePaymentWebhook } from "./payments/webhook.ts";
export type { AppRouter } from "./root.ts";
export { appRouter } from "./root.ts";
export { createTaskHandlers } from "./tasks/index.ts";
export type { TaskDeps, TaskHandlers } from "./tasks/types.ts";
export { createCallerFactory } from "./trpc.ts";
