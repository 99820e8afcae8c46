/**
 * The session a client holds, kept in its token store: signing in (merging the guest cart),
 * refreshing one at a time, restoring from the refresh token, and signing out.
 */

import { AUTH } from "./auth-paths.ts";
import { isShopError } from "./errors.ts";
import { mayHoldSession } from "./session-hint.ts";
import type { RouterOutputs } from "./shop-api.ts";
import type { TokenStore } from "./tokens.ts";

/** What `login` and `register` answer: the tokens and the signed-in user. */
export type SignedIn = RouterOutputs["auth"]["login"];
type Rotated = RouterOutputs["auth"]["refresh"];

export type TokenDelivery = "cookie" | "body";

/** Calls an auth mutation by its path, through the client the session belongs to. */
export type Mutate = (path: string, input: unknown) => Promise<unknown>;

export function createSession(store: TokenStore, delivery: TokenDelivery, mutate: Mutate) {
  let refreshing: Promise<void> | null = null;

  function keep(tokens: Rotated, cartToken?: string) {
    store.set({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(cartToken ? { cartToken } : {}),
    });
  }

  /** One refresh at a time: concurrent callers wait for the same rotation. */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      const { refreshToken, cartToken } = store.get();
      try {
        const rotated = (await mutate(AUTH.refresh, refreshToken ? { refreshToken } : {})) as Rotated;
        keep({ ...rotated, refreshToken: rotated.refreshToken ?? refreshToken }, cartToken);
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

  async function restore(): Promise<boolean> {
    if (delivery === "cookie" && !store.get().refreshToken && !mayHoldSession()) return false;
    try {
      await refresh();
      return true;
    } catch (err) {
      if (isShopError(err, "UNAUTHORIZED")) return false;
      throw err;
    }
  }

  async function start(
    path: typeof AUTH.login | typeof AUTH.register,
    input: Record<string, unknown>,
  ): Promise<SignedIn> {
    const { cartToken } = store.get();
    const signedIn = (await mutate(path, {
      ...input,
      tokenDelivery: delivery,
      ...(cartToken ? { cartToken } : {}),
    })) as SignedIn;
    // The guest cart is now the account's cart: its token has served its purpose.
    keep(signedIn);
    return signedIn;
  }

  async function end(input: { allDevices?: boolean }): Promise<void> {
    try {
      const { accessToken, refreshToken } = store.get();
      // A reloaded page holds no token but may still hold the refresh cookie: pick the session up to end it.
      const hasSession = accessToken || refreshToken || (delivery === "cookie" && (await restore()));
      if (hasSession) await mutate(AUTH.logout, input);
    } catch (err) {
      if (!isShopError(err, "UNAUTHORIZED")) throw err;
    } finally {
      store.set({});
    }
  }

  /** A response that hands a guest a cart token: later calls carry it until sign-in merges the cart. */
  function rememberCartToken(result: unknown) {
    const data = (result as { data?: unknown } | undefined)?.data;
    const cartToken = (data as { cartToken?: unknown } | null | undefined)?.cartToken;
    if (typeof cartToken === "string" && cartToken !== store.get().cartToken) {
      store.set({ ...store.get(), cartToken });
    }
  }

  return { refresh, restore, start, end, rememberCartToken };
}

export type Session = ReturnType<typeof createSession>;
