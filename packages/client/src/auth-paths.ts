/** The procedures the session helpers call by name, whatever router type the client was given. */
export const AUTH = {
  login: "auth.login",
  register: "auth.register",
  refresh: "auth.refresh",
  logout: "auth.logout",
} as const;

/** Calls whose UNAUTHORIZED means "wrong credentials", not "the access token has expired". */
export const NO_REFRESH: ReadonlySet<string> = new Set([AUTH.login, AUTH.register, AUTH.refresh]);
