/** What a client remembers between calls: the tokens of a signed-in session and the guest cart. */
export interface Tokens {
  accessToken?: string;
  accessTokenExpiresAt?: Date;
  /** Only with `tokenDelivery: 'body'`; browsers keep it in the httpOnly `sw_refresh` cookie. */
  refreshToken?: string;
  /** The guest cart, until sign-in merges it into the account's cart. */
  cartToken?: string;
}

/**
 * Where the tokens live. Synchronous on purpose: every call reads it to build its headers, and
 * the stores that matter (memory, localStorage, a small file for a script) are synchronous.
 */
export interface TokenStore {
  get(): Tokens;
  set(tokens: Tokens): void;
}

export function memoryTokenStore(initial: Tokens = {}): TokenStore {
  let tokens = { ...initial };
  return {
    get: () => tokens,
    set: (next) => {
      tokens = { ...next };
    },
  };
}
