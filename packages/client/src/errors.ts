import { TRPCClientError } from "@trpc/client";
import type { AnyRouter, TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { AppRouter } from "./shop-api.ts";

/**
 * An error the shop answered with. `data` is the server's error formatter output: `code`,
 * `httpStatus`, `path`, `details` (structured facts, e.g. `{ available: 3 }`) and `issues` (the zod
 * issues of a BAD_REQUEST, whose `message` reads one sentence per field).
 */
export type ShopError<TRouter extends AnyRouter = AppRouter> = TRPCClientError<TRouter>;

export type ShopErrorCode = TRPC_ERROR_CODE_KEY;

/**
 * The shop could not be reached: the connection was refused or dropped, the host is unknown, the
 * machine is offline. No answer came, so this is no ShopError; asking again may work. `message`
 * names the shop and the transport's reason ("connect ECONNREFUSED 127.0.0.1:3000") and `code`
 * its code. A TRPCClientError still, so tRPC's own tools treat it as theirs.
 */
export class NetworkError extends TRPCClientError<AnyRouter> {
  /** The transport's code when it gave one (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET` …). */
  declare readonly code: string | undefined;

  constructor(shopUrl: string, transportError: unknown) {
    // undici's "fetch failed" wraps the reason a person can act on.
    let reason = transportError;
    while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
    // The reason is named in the message and not kept as `cause`: Node would print that error's
    // every field under the one line that says it all.
    super(`Could not reach the shop at ${shopUrl}: ${reason instanceof Error ? reason.message : String(reason)}`);
    // TRPCClientError pins its own prototype and name; this is the subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "NetworkError";
    const { code } = (reason ?? {}) as { code?: unknown };
    // Readable, but not printed: the message already ends with it.
    Object.defineProperty(this, "code", { value: typeof code === "string" ? code : undefined, enumerable: false });
  }
}

export function isNetworkError(err: unknown): err is NetworkError {
  return err instanceof NetworkError;
}

/** True when `err` is the shop's answer, and, given a code, carries that code. */
export function isShopError<TRouter extends AnyRouter = AppRouter>(
  err: unknown,
  code?: ShopErrorCode,
): err is ShopError<TRouter> {
  // Without a shape, no tRPC answer came back: a network failure, or something in between (a proxy's HTML page).
  if (!(err instanceof TRPCClientError) || err.shape === undefined || err instanceof NetworkError) return false;
  return code === undefined || err.data?.code === code;
}

/** The `x-request-id` of the HTTP response that carried `err`, to quote in a bug report or log search. */
export function requestIdOf(err: unknown): string | undefined {
  if (!(err instanceof TRPCClientError)) return undefined;
  return responseRequestId(err.meta);
}

export function responseRequestId(meta: Record<string, unknown> | undefined): string | undefined {
  // Duck-typed: a caller-supplied fetch (undici, node-fetch) may return its own Response class.
  const headers = (meta?.response as { headers?: { get?: unknown } } | undefined)?.headers;
  if (typeof headers?.get !== "function") return undefined;
  return (headers as { get(name: string): string | null }).get("x-request-id") ?? undefined;
}

/** What a person is told when a call never got the shop's answer: no connection, or the shop is down. */
export const UNREACHABLE_MESSAGE = "We can't reach the shop. Check your connection and try again.";

/**
 * True when a call failed without the shop's answer: the request never left (offline), the
 * connection was refused or dropped, or something in between (a proxy's 502 page) answered
 * instead of the shop. Asking again may work.
 */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof TRPCClientError) return !err.data?.code;
  return err instanceof TypeError;
}

/**
 * True when the shop answered and refused (a 4xx: bad input, not signed in, not found, conflict):
 * asking again gets the same answer, unlike a network failure or a 5xx.
 */
export function isRefusal(err: unknown): boolean {
  return isShopError(err) && (err.data?.httpStatus ?? 500) < 500;
}

/**
 * One line for a person: "CONFLICT: Only 3 left of Desk lamp (request id req_…)" for the shop's
 * answer, the message of any other error. What a script's error log, or Node for an error nobody
 * caught, shows.
 */
export function describeError(err: unknown): string {
  if (!isShopError(err)) return err instanceof Error ? err.message : String(err);
  const requestId = requestIdOf(err);
  return `${err.data?.code ?? "ERROR"}: ${err.message}${requestId ? ` (request id ${requestId})` : ""}`;
}

/**
 * Makes `err` print as its one line (`describeError`), whether a script logs it or Node reports
 * it uncaught, instead of a hundred lines of HTTP response, error shape and library frames (which
 * never include the script's own). Every field stays readable; the bulky ones just no longer print.
 */
export function printedAsOneLine<E extends TRPCClientError<AnyRouter>>(err: E): E {
  err.stack = `${err.name}: ${describeError(err)}`;
  for (const key of ["shape", "data", "meta"] as const) {
    if (Object.hasOwn(err, key)) Object.defineProperty(err, key, { enumerable: false });
  }
  // Node prints `[cause]` whenever the property exists, even as `undefined`; a shop error has none.
  if (err.cause === undefined) delete (err as { cause?: unknown }).cause;
  return err;
}
