/**
 * The HTTP end of the client: batched, superjson-encoded calls to `<url>/trpc`, each carrying the
 * stored access token and guest cart token.
 */
import type { AppRouter } from "@shopwright/api";
import { httpBatchLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";
import type { TokenStore } from "./tokens.ts";

export function shopHttpLink<TRouter extends AnyRouter>(options: {
  url: string;
  store: TokenStore;
  fetch: typeof fetch;
  headers: Record<string, string> | undefined;
}): TRPCLink<TRouter> {
  // Called as a plain function: a browser's `fetch` throws "Illegal invocation" when called as a method of another object.
  const { store, fetch: send } = options;
  // Typed against AppRouter (superjson) and applied to TRouter, which the caller vouches is the same API.
  return httpBatchLink<AppRouter>({
    url: `${options.url.replace(/\/+$/, "")}/trpc`,
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
    fetch: (input, init) => send(input, { ...init, credentials: "include" } as RequestInit),
  }) as unknown as TRPCLink<TRouter>;
}
