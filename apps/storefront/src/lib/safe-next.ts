/** Where to go after signing in: only a path on this site, never another origin ("//evil.example"). */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
