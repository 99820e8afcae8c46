/**
 * When a page's code fails to load (a lazy route's chunk), the app must tell why and not leave the
 * shopper on the browser's own error page:
 *
 * - offline: say so; load the page by itself once the connection is back;
 * - the shop does not answer (down, or unreachable from here): say so in words, with Try again;
 * - the shop answers: the chunk's name is gone because a new build was deployed. One page load
 *   brings the new index.html and its new names, so reload, once: a second failure within a few
 *   seconds is a real fault, shown as one, never a reload loop.
 *
 * `useOnline` is the browser's idea of the connection, kept current.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

const RELOADED_AT = "sw_reloaded_for_chunk";
const LOOP_WINDOW_MS = 10_000;

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

/** The error a bundler's dynamic import throws for a chunk it could not fetch or evaluate. */
export function isCodeLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to fetch/i.test(
      error.message,
    )
  );
}

/** Whether the shop answers at all: the app's own page, never from a cache. */
async function shopAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { method: "HEAD", cache: "no-store" })).ok;
  } catch {
    return false;
  }
}

/** Loads the page anew, unless that was just done for the same reason (then false). */
function reloadOnce(): boolean {
  try {
    if (Date.now() - Number(sessionStorage.getItem(RELOADED_AT)) < LOOP_WINDOW_MS) return false;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  } catch {
    return false; // Without storage there is no guard against a loop: show the error instead.
  }
  window.location.reload();
  return true;
}

export type PageLoadState = "offline" | "checking" | "unreachable" | "broken";

/**
 * What to show for a route's error: `broken` for an error that is not a failed load, or a load that
 * failed again right after a reload; else where the failed load stands. `retry` asks the shop again
 * and reloads when it answers.
 */
export function usePageLoadFailure(error: unknown, shopUrl: string): { state: PageLoadState; retry: () => void } {
  const online = useOnline();
  const codeLoad = isCodeLoadError(error);
  const [state, setState] = useState<PageLoadState>(codeLoad ? "checking" : "broken");
  const asking = useRef(false);

  const retry = useCallback(() => {
    if (asking.current) return;
    asking.current = true;
    setState("checking");
    void shopAnswers(shopUrl).then((answers) => {
      asking.current = false;
      if (!answers) setState("unreachable");
      else if (!reloadOnce()) setState("broken");
    });
  }, [shopUrl]);

  useEffect(() => {
    if (codeLoad && online) retry();
  }, [codeLoad, online, retry]);

  return { state: codeLoad && !online ? "offline" : state, retry };
}
