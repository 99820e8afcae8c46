/**
 * Domain errors: what services throw. One tRPC middleware maps them to the API's error codes, so
 * services stay free of transport concerns and routers never translate errors by hand.
 */
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Safe, structured facts for the client (e.g. `{ available: 3 }` or `{ retryAfterSeconds: 30 }`). */
    readonly details?: Record<string, unknown>,
    /** `cause`: what failed underneath, for the log; never sent to a client. */
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_REQUEST", message, details);
export const unauthorized = (message = "Sign in to continue") => new DomainError("UNAUTHORIZED", message);
export const forbidden = (message = "You do not have access to this") => new DomainError("FORBIDDEN", message);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError("TOO_MANY_REQUESTS", "Too many attempts; try again later", { retryAfterSeconds });
/**
 * A service the shop depends on (object storage, the database, …) did not answer; nothing was
 * changed. `cause` is what failed, for the log; clients see the message alone.
 */
export const unavailable = (message: string, cause?: unknown) =>
  new DomainError("SERVICE_UNAVAILABLE", message, undefined, { cause });

export const DATABASE_UNAVAILABLE = "The shop cannot reach its database right now; please try again in a moment";
