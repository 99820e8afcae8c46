/**
 * `createShopClient`: the typed tRPC client with the session handled. Its parts: the HTTP link
 * (`http-link.ts`), the link that refreshes and retries (`session-link.ts`), the session itself
 * (`session.ts`) and the request ids (`request-ids.ts`).
 */

import { createTRPCClient, getUntypedClient, type TRPCClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { AUTH } from "./auth-paths.ts";
import { shopHttpLink } from "./http-link.ts";
import { createRequestIds, type RequestIdListener } from "./request-ids.ts";
import { createSession, type SignedIn, type TokenDelivery } from "./session.ts";
import { sessionLink } from "./session-link.ts";
import type { AppRouter } from "./shop-api.ts";
import { memoryTokenStore, type TokenStore, type Tokens } from "./tokens.ts";

export type { SignedIn } from "./session.ts";

export interface ShopClientOptions {
  /** The shop's origin, e.g. `http://127.0.0.1:3000`; `""` for the page's own origin in a browser. */
  url: string;
  /** Defaults to the global fetch (Node 20 and browsers). */
  fetch?: typeof fetch;
  /** Defaults to memory: the session ends with the process or the page. */
  tokenStore?: TokenStore;
  /**
   * Where the refresh token travels. `cookie` (the default in a browser) leaves it in the httpOnly
   * `sw_refresh` cookie, out of reach of page scripts; `body` (the default elsewhere) hands it to
   * the client, which keeps it in `tokenStore`.
   */
  tokenDelivery?: TokenDelivery;
  /** Called with the `x-request-id` of every response, successful or not. */
  onRequestId?: RequestIdListener;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export interface Credentials {
  email: string;
  password: string;
}

export type ShopClient<TRouter extends AnyRouter = AppRouter> = ReturnType<typeof createShopClient<TRouter>>;

/**
 * A typed client for the shop with the session handled: `trpc` is the tRPC client (superjson,
 * batching), and the helpers sign in and out. Every call carries the access token and the guest
 * cart token; a call answered UNAUTHORIZED is retried once after a silent refresh, and calls that
 * fail together share that one refresh.
 */
export function createShopClient<TRouter extends AnyRouter = AppRouter>(options: ShopClientOptions) {
  const store = options.tokenStore ?? memoryTokenStore();
  const delivery = options.tokenDelivery ?? ("document" in globalThis ? "cookie" : "body");
  const requestIds = createRequestIds(options.onRequestId);
  // The session's own calls (refresh, login) go through the client too, so they are seen by its links.
  const session = createSession(store, delivery, (path, input) => untyped.mutation(path, input));
  const trpc: TRPCClient<TRouter> = createTRPCClient<TRouter>({
    links: [
      sessionLink<TRouter>(store, session, requestIds),
      shopHttpLink<TRouter>({
        url: options.url,
        store,
        fetch: options.fetch ?? globalThis.fetch,
        headers: options.headers,
      }),
    ],
  });
  const untyped = getUntypedClient(trpc);

  return {
    trpc,

    /** Signs in, merging the guest cart. Wrong credentials reject with an UNAUTHORIZED ShopError. */
    login: (credentials: Credentials): Promise<SignedIn> => session.start(AUTH.login, { ...credentials }),

    /** Creates an account and signs in, like `login`. */
    register: (account: Credentials & { name: string }): Promise<SignedIn> =>
      session.start(AUTH.register, { ...account }),

    /**
     * Ends the session on the server (every device with `allDevices`) and forgets it here. A
     * session the server already considers over is not an error.
     */
    logout: (input: { allDevices?: boolean } = {}): Promise<void> => session.end(input),

    /**
     * Picks up a session from the refresh token (the `sw_refresh` cookie in a browser, the store
     * otherwise), e.g. on page load. Resolves to whether the caller is now signed in.
     */
    restoreSession: (): Promise<boolean> => session.restore(),

    /** The tokens as they stand (read-only snapshot). */
    get tokens(): Readonly<Tokens> {
      return { ...store.get() };
    },

    get signedIn(): boolean {
      return Boolean(store.get().accessToken);
    },

    /** The `x-request-id` of the latest response: quote it when reporting a problem. */
    get lastRequestId(): string | undefined {
      return requestIds.last;
    },
  };
}
