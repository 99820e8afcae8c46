/**
 * The shopper's session in the browser, as the token store of @shopwright/client. The access
 * token lives only in memory; the refresh token is an httpOnly cookie the page never sees, so a
 * reload restores the session by asking the server for a new access token. The guest cart token
 * is kept in localStorage so a guest's cart survives a reload until sign-in merges it.
 */
import type { TokenStore, Tokens } from "@shopwright/client";
import { createSessionStore } from "@shopwright/ui/session";

const CART_TOKEN_KEY = "sw_cart_token";

export class Session implements TokenStore {
  #tokens: Omit<Tokens, "cartToken"> = {};
  /** Whether the shopper is signed in, for components (`useSessionStatus`). */
  readonly state = createSessionStore();

  get(): Tokens {
    const cartToken = readCartToken();
    return { ...this.#tokens, ...(cartToken ? { cartToken } : {}) };
  }

  set({ cartToken, ...tokens }: Tokens): void {
    this.#tokens = tokens;
    writeCartToken(cartToken);
    // While the first restore runs, "no token yet" is not "signed out".
    if (tokens.accessToken) this.state.signedIn();
    else if (this.state.get().status !== "restoring") this.state.end();
  }

  /** Settles the status once the page's first attempt to restore the session is over. */
  async restore(attempt: () => Promise<boolean>): Promise<void> {
    const signedIn = await attempt().catch(() => false);
    if (signedIn) this.state.signedIn();
    else this.state.end();
  }

  get accessToken(): string | undefined {
    return this.#tokens.accessToken;
  }
}

function readCartToken(): string | undefined {
  try {
    return localStorage.getItem(CART_TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeCartToken(token: string | undefined): void {
  try {
    if (token) localStorage.setItem(CART_TOKEN_KEY, token);
    else localStorage.removeItem(CART_TOKEN_KEY);
  } catch {
    // Storage can be unavailable (private mode); the sw_cart cookie still carries the cart.
  }
}
