/**
 * The HTTP end of the client: batched, superjson-encoded calls to `<url>/trpc`, each carrying the
 * stored access token and guest cart token. A call whose input is a file (FormData, a Blob) cannot
 * ride in a JSON batch: it goes alone, as multipart, through `httpLink`. A request that gets no
 * response at all fails with a NetworkError naming the shop and the reason.
 */

import { httpBatchLink, httpLink, isNonJsonSerializable, splitLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";
import { NetworkError } from "./errors.ts";
import { MAX_BATCH_SIZE } from "./rules.ts";
import type { AppRouter } from "./shop-api.ts";
import type { TokenStore } from "./tokens.ts";

export function shopHttpLink<TRouter extends AnyRouter>(options: {
  url: string;
  store: TokenStore;
  fetch: typeof fetch;
  headers: Record<string, string> | undefined;
}): TRPCLink<TRouter> {
  // Called as a plain function: a browser's `fetch` throws "Illegal invocation" when called as a method of another object.
  const { store, fetch: send } = options;
  const shopUrl = options.url.replace(/\/+$/, "");
  const http = {
    url: `${shopUrl}/trpc`,
    transformer: superjson,
    headers: () => {
      const { accessToken, cartToken } = store.get();
      return {
        ...options.headers,
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(cartToken ? { "x-cart-token": cartToken } : {}),
      };
    },
    // The refresh cookie must travel when the API is on another origin than the page.
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      send(input, { ...init, credentials: "include" } as RequestInit).catch((cause: unknown) => {
        // A call the caller (or tRPC) aborted was not a failure to reach the shop.
        if ((cause as { name?: unknown } | null)?.name === "AbortError") throw cause;
        throw new NetworkError(shopUrl || "this page's origin", cause);
      }),
  };
  // Typed against AppRouter (superjson) and applied to TRouter, which the caller vouches is the same API.
  return splitLink<AppRouter>({
    condition: (op) => isNonJsonSerializable(op.input),
    true: httpLink<AppRouter>(http),
    // The server refuses a larger batch.
    false: httpBatchLink<AppRouter>({ ...http, maxItems: MAX_BATCH_SIZE }),
  }) as unknown as TRPCLink<TRouter>;
}
