/** Where to go after signing in: only a path on this site, never another origin ("//evil.example"). */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** A link to sign in (or register) that comes back to `next` afterwards: "/login?next=%2Fcheckout". */
export function withNext(page: string, next: string): string {
  return `${page}?next=${encodeURIComponent(next)}`;
}
