import type { AppRouter } from "@shopwright/api";
import { TRPCClientError } from "@trpc/client";
import type { AnyRouter, TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * An error the shop answered with. `data` is the server's error formatter output: `code`,
 * `httpStatus`, `path`, `details` (structured facts, e.g. `{ available: 3 }`) and `issues` (the zod
 * issues of a BAD_REQUEST).
 */
export type ShopError<TRouter extends AnyRouter = AppRouter> = TRPCClientError<TRouter>;

export type ShopErrorCode = TRPC_ERROR_CODE_KEY;

/** True when `err` came from the shop, and, given a code, carries that code. */
export function isShopError<TRouter extends AnyRouter = AppRouter>(
  err: unknown,
  code?: ShopErrorCode,
): err is ShopError<TRouter> {
  if (!(err instanceof TRPCClientError)) return false;
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
 * asking again gets the same answer, unlike a dropped connection or a 5xx.
 */
export function isRefusal(err: unknown): boolean {
  return isShopError(err) && (err.data?.httpStatus ?? 500) < 500;
}
