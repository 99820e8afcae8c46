/**
 * After a deploy, the chunk and CSS names this page was built with are gone from the server, so
 * the first lazy route to load fails. Vite reports every such failure as `vite:preloadError`; one
 * reload brings the new index.html and its new names. Offline, a reload would only show the
 * browser's error page, so the route's error screen handles it instead, and a second failure soon
 * after a reload is a real error, not a stale page: no reload loop.
 */
const RELOADED_AT = "sw_reloaded_for_chunk";
const LOOP_WINDOW_MS = 10_000;

export function reloadOnStaleChunks(): void {
  window.addEventListener("vite:preloadError", (event) => {
    if (!navigator.onLine) return;
    try {
      if (Date.now() - Number(sessionStorage.getItem(RELOADED_AT)) < LOOP_WINDOW_MS) return;
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    } catch {
      return; // Without storage there is no guard against a loop: show the error instead.
    }
    event.preventDefault();
    window.location.reload();
  });
}
