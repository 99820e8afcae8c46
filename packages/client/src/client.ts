import type { AppRouter } from "@shopwright/api";
import { createTRPCClient, getUntypedClient, httpBatchLink, type TRPCClient, type TRPCLink } from "@trpc/client";
import type { AnyRouter, inferRouterOutputs } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import superjson from "superjson";
import { isShopError, requestIdOf, responseRequestId } from "./errors.ts";
import { memoryTokenStore, type TokenStore, type Tokens } from "./tokens.ts";

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
  tokenDelivery?: "cookie" | "body";
  /** Called with the `x-request-id` of every response, successful or not. */
  onRequestId?: (requestId: string, call: { path: string; ok: boolean }) => void;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export interface Credentials {
  email: string;
  password: string;
}

/** The shape the contract (API.md) promises for a sign-in, used until the router declares its own. */
export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: Date;
  user: { id: string; email: string; name: string; role: string };
  refreshToken?: string;
}

interface Rotated {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken?: string;
}

/** A procedure's output as the router declares it, else the contract's shape. */
type Declared<TRouter extends AnyRouter, TGroup extends string, TName extends string, TFallback> =
  inferRouterOutputs<TRouter> extends Record<TGroup, Record<TName, infer TOutput>> ? TOutput : TFallback;

/** The session helpers call these whatever the router type says, so they name them once here. */
const AUTH = { login: "auth.login", register: "auth.register", refresh: "auth.refresh", logout: "auth.logout" };

/** Calls whose UNAUTHORIZED means "wrong credentials", not "the access token has expired". */
const NO_REFRESH: ReadonlySet<string> = new Set([AUTH.login, AUTH.register, AUTH.refresh]);

export type ShopClient<TRouter extends AnyRouter = AppRouter> = ReturnType<typeof createShopClient<TRouter>>;

/**
 * A typed client for the shop with the session handled: `trpc` is the tRPC client (superjson,
 * batching), and the helpers sign in and out. Every call carries the access token and the guest
 * cart token; a call answered UNAUTHORIZED is retried once after a silent refresh, and calls that
 * fail together share that one refresh.
 */
export function createShopClient<TRouter extends AnyRouter = AppRouter>(options: ShopClientOptions) {
  const store = options.tokenStore ?? memoryTokenStore();
  const tokenDelivery = options.tokenDelivery ?? ("document" in globalThis ? "cookie" : "body");
  const baseFetch = options.fetch ?? globalThis.fetch;
  let lastRequestId: string | undefined;
  let refreshing: Promise<void> | null = null;

  const noteRequestId = (requestId: string | undefined, path: string, ok: boolean) => {
    if (!requestId) return;
    lastRequestId = requestId;
    options.onRequestId?.(requestId, { path, ok });
  };

  const sessionLink: TRPCLink<TRouter> =
    () =>
    ({ op, next }) =>
      observable((observer) => {
        const sentWith = store.get().accessToken;
        let subscription: Unsubscribable | undefined;
        let closed = false;
        const attempt = (retried: boolean) => {
          subscription = next(op).subscribe({
            next(envelope) {
              noteRequestId(responseRequestId(envelope.context), op.path, true);
              rememberCartToken(envelope.result);
              observer.next(envelope);
            },
            error(err) {
              noteRequestId(requestIdOf(err), op.path, false);
              if (retried || !isShopError(err, "UNAUTHORIZED") || NO_REFRESH.has(op.path)) return observer.error(err);
              const current = store.get();
              if (current.accessToken && current.accessToken !== sentWith) return attempt(true);
              if (!sentWith && !current.refreshToken) return observer.error(err);
              refreshSession().then(
                () => closed || attempt(true),
                () => observer.error(err),
              );
            },
            complete() {
              observer.complete();
            },
          });
        };
        attempt(false);
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      });

  const trpc: TRPCClient<TRouter> = createTRPCClient<TRouter>({
    links: [
      sessionLink,
      // Typed against AppRouter (superjson) and applied to TRouter, which the caller vouches is the same API.
      httpBatchLink<AppRouter>({
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
        fetch: (input, init) => baseFetch(input, { ...init, credentials: "include" } as RequestInit),
      }) as unknown as TRPCLink<TRouter>,
    ],
  });
  const untyped = getUntypedClient(trpc);

  function rememberCartToken(result: unknown) {
    const data = (result as { data?: unknown } | undefined)?.data;
    const cartToken = (data as { cartToken?: unknown } | null | undefined)?.cartToken;
    if (typeof cartToken === "string" && cartToken !== store.get().cartToken) {
      store.set({ ...store.get(), cartToken });
    }
  }

  function signIn(tokens: Rotated, cartToken?: string) {
    store.set({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(cartToken ? { cartToken } : {}),
    });
  }

  /** One refresh at a time: concurrent callers wait for the same rotation. */
  function refreshSession(): Promise<void> {
    refreshing ??= (async () => {
      const { refreshToken, cartToken } = store.get();
      try {
        const rotated = (await untyped.mutation(AUTH.refresh, refreshToken ? { refreshToken } : {})) as Rotated;
        signIn({ ...rotated, refreshToken: rotated.refreshToken ?? refreshToken }, cartToken);
      } catch (err) {
        // The session is over (expired, revoked, or reused); anything else may pass, so keep it.
        if (isShopError(err, "UNAUTHORIZED")) store.set(cartToken ? { cartToken } : {});
        throw err;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function startSession(path: string, input: Record<string, unknown>) {
    const { cartToken } = store.get();
    const signedIn = (await untyped.mutation(path, {
      ...input,
      tokenDelivery,
      ...(cartToken ? { cartToken } : {}),
    })) as SignedIn;
    // The guest cart is now the account's cart: its token has served its purpose.
    signIn(signedIn);
    return signedIn;
  }

  return {
    trpc,

    /** Signs in, merging the guest cart. Wrong credentials reject with an UNAUTHORIZED ShopError. */
    login: (credentials: Credentials) =>
      startSession(AUTH.login, { ...credentials }) as Promise<Declared<TRouter, "auth", "login", SignedIn>>,

    /** Creates an account and signs in, like `login`. */
    register: (account: Credentials & { name: string }) =>
      startSession(AUTH.register, { ...account }) as Promise<Declared<TRouter, "auth", "register", SignedIn>>,

    /**
     * Ends the session on the server (every device with `allDevices`) and forgets it here. A
     * session the server already considers over is not an error.
     */
    async logout(input: { allDevices?: boolean } = {}): Promise<void> {
      try {
        if (store.get().accessToken || store.get().refreshToken) await untyped.mutation(AUTH.logout, input);
      } catch (err) {
        if (!isShopError(err, "UNAUTHORIZED")) throw err;
      } finally {
        store.set({});
      }
    },

    /**
     * Picks up a session from the refresh token (the `sw_refresh` cookie in a browser, the store
     * otherwise), e.g. on page load. Resolves to whether the caller is now signed in.
     */
    async restoreSession(): Promise<boolean> {
      try {
        await refreshSession();
        return true;
      } catch (err) {
        if (isShopError(err, "UNAUTHORIZED")) return false;
        throw err;
      }
    },

    /** The tokens as they stand (read-only snapshot). */
    get tokens(): Readonly<Tokens> {
      return { ...store.get() };
    },

    get signedIn(): boolean {
      return Boolean(store.get().accessToken);
    },

    /** The `x-request-id` of the latest response: quote it when reporting a problem. */
    get lastRequestId(): string | undefined {
      return lastRequestId;
    },
  };
}
