/**
 * After a deploy, the chunk and CSS names this page was built with are gone from the server, so
 * the first lazy route to load fails. Vite reports every such failure as `vite:preloadError`; one
 * page load brings the new index.html and its new names. It loads the page being opened, not the
 * one shown: the router changes the address only once the new page's code has arrived. Offline, a reload would only show the
 * browser's error page, so the route's error screen handles it instead, and a second failure soon
 * after a reload is a real error, not a stale page: no reload loop.
 */
const RELOADED_AT = "sw_reloaded_for_chunk";
const LOOP_WINDOW_MS = 10_000;

/** `destination` is the address being navigated to, if a navigation is under way. */
export function reloadOnStaleChunks(destination: () => string | undefined): void {
  window.addEventListener("vite:preloadError", (event) => {
    if (!navigator.onLine) return;
    try {
      if (Date.now() - Number(sessionStorage.getItem(RELOADED_AT)) < LOOP_WINDOW_MS) return;
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    } catch {
      return; // Without storage there is no guard against a loop: show the error instead.
    }
    event.preventDefault();
    window.location.assign(destination() ?? window.location.href);
  });
}
