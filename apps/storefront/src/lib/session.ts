/**
 * The shopper's session in the browser. The access token lives only in memory; the refresh token
 * is an httpOnly cookie the page never sees, so a reload restores the session by asking the
 * server for a new access token. The guest cart token is kept in localStorage so a guest's cart
 * survives a reload until sign-in merges it.
 */
export type SessionStatus = "restoring" | "signedIn" | "signedOut";

const CART_TOKEN_KEY = "sw_cart_token";

export class Session {
  #accessToken: string | null = null;
  #status: SessionStatus = "restoring";
  #renewal: Promise<void> | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #refresh: () => Promise<string | null>;

  /** `refresh` returns a new access token, or null when the refresh cookie is missing or revoked. */
  constructor(refresh: () => Promise<string | null>) {
    this.#refresh = refresh;
  }

  get accessToken(): string | null {
    return this.#accessToken;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  status = (): SessionStatus => this.#status;

  signIn(accessToken: string): void {
    this.#accessToken = accessToken;
    this.#set("signedIn");
  }

  signOut(): void {
    this.#accessToken = null;
    this.#set("signedOut");
  }

  /** Gets a fresh access token through the refresh cookie; concurrent callers share one request. */
  renew(): Promise<void> {
    this.#renewal ??= this.#refresh()
      .then(
        (token) => (token ? this.signIn(token) : this.signOut()),
        () => this.signOut(),
      )
      .finally(() => {
        this.#renewal = null;
      });
    return this.#renewal;
  }

  /** Resolves when no renewal is in flight, so requests carry the newest token instead of racing it. */
  settled(): Promise<void> {
    return this.#renewal ?? Promise.resolve();
  }

  get cartToken(): string | null {
    try {
      return localStorage.getItem(CART_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  set cartToken(token: string | null) {
    try {
      if (token) localStorage.setItem(CART_TOKEN_KEY, token);
      else localStorage.removeItem(CART_TOKEN_KEY);
    } catch {
      // Storage can be unavailable (private mode); the sw_cart cookie still carries the cart.
    }
  }

  #set(status: SessionStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    for (const listener of this.#listeners) listener();
  }
}
