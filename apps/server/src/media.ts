/**
 * `/media/*`: product images, from whichever storage the shop uses (see the API's image delivery).
 * Variant URLs are content-addressed, so they are cached for a year and never revalidated.
 */
import { type ApiConfig, DomainError, type MediaAnswer, mediaAnswer } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";

/** How long a client told that images are being prepared waits before asking again. */
const BUSY_RETRY_SECONDS = 2;

export function mediaRoutes(deps: { db: Db; config: ApiConfig }) {
  const app = new Hono<AppEnv>();
  app.get("/*", async (c) => {
    const key = decodedKey(c.req.path.slice("/media/".length));
    const w = c.req.query("w");
    const width = w && /^\d{1,4}$/.test(w) ? Number(w) : undefined;
    if (
      key === null ||
      key.split("/").some((part) => part === ".." || part === "") ||
      (w !== undefined && width === undefined)
    ) {
      return c.notFound();
    }
    let answer: MediaAnswer;
    try {
      answer = await mediaAnswer(deps, key, width);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "SERVICE_UNAVAILABLE")) throw error;
      c.header("retry-after", String(BUSY_RETRY_SECONDS));
      return c.text(error.message, 503);
    }
    if (!answer) return c.notFound();
    c.header("cache-control", answer.cacheControl);
    if ("redirect" in answer) return c.redirect(answer.redirect, 302);
    return c.body(answer.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": answer.contentType });
  });
  return app;
}

/** A request path as a key; null for malformed percent-escapes, which no key has. */
function decodedKey(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
