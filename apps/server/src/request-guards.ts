/**
 * Guards in front of the routes that read a body: a size limit checked before the body is parsed
 * (Content-Length first, then while streaming), and for tRPC the two checks that keep a browser's
 * cookies from being used by another site. A form on another site can POST multipart, urlencoded
 * or text/plain without a CORS preflight; it cannot send application/json. And a browser names
 * the page's origin on every POST, so a cookie-carrying mutation from another origin is refused.
 */
import { API_PATH, MAX_IMAGE_BYTES } from "@shopwright/api/server";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env.ts";

export const KiB = 1024;

/** The one procedure that takes a file, and so multipart/form-data and a larger body. */
const UPLOAD_PROCEDURE = "admin.products.uploadImage";
/** Room for the multipart framing and the form's other fields around the file. */
const FORM_OVERHEAD = 64 * KiB;
/** Every other call is JSON the size of a form or a batch of queries. */
const JSON_MAX_BYTES = 256 * KiB;

export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.json({ error: { message: `Request body too large (at most ${Math.floor(maxSize / KiB)} KB)` } }, 413),
  });
}

/**
 * The procedures an API request names: one, or several joined by commas in a batch. A path with
 * broken percent-escapes names none (tRPC answers it as not found).
 */
export function procedures(path: string): string[] {
  try {
    return decodeURIComponent(path.slice(`${API_PATH}/`.length)).split(",");
  } catch {
    return [];
  }
}

/** Bodies read as text: JSON, forms, plain text. A file's bytes (multipart) are not text. */
const TEXT_TYPES = /^(application\/json|application\/x-www-form-urlencoded|text\/[\w.+-]+)$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Refuses a text body that is not valid UTF-8 (400), which would otherwise be decoded with each
 * bad byte turned into U+FFFD and stored so, changed without anyone saying. Runs after the size
 * limit: the body it reads is bounded, and the routes read it again from Hono's copy.
 */
/** The body's media type, without its parameters ("application/json; charset=utf-8" → "application/json"). */
const mediaType = (c: Context<AppEnv>) => (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

export const utf8Body: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = mediaType(c);
  if (c.req.method === "GET" || c.req.method === "HEAD" || !TEXT_TYPES.test(type)) return next();
  try {
    utf8.decode(await c.req.arrayBuffer());
  } catch {
    return c.json({ error: { message: "The request body is not valid UTF-8 text" } }, 400);
  }
  return next();
};

const uploadLimit = limitBody(MAX_IMAGE_BYTES + FORM_OVERHEAD);
const jsonLimit = limitBody(JSON_MAX_BYTES);

/** tRPC bodies: JSON is small; only the upload procedure, called on its own, may carry a file. */
export const trpcBodyLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  (isUpload(c.req.path) ? uploadLimit : jsonLimit)(c, next);

const isUpload = (path: string) => procedures(path).join(",") === UPLOAD_PROCEDURE;

export function trpcRequestGuard(publicUrl: string): MiddlewareHandler<AppEnv> {
  const ownOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    const type = mediaType(c);
    if (type !== "application/json" && !(isUpload(c.req.path) && type === "multipart/form-data")) {
      return c.json({ error: { message: "Send tRPC calls as application/json" } }, 415);
    }
    const origin = c.req.header("origin");
    if (c.req.header("cookie") && origin !== undefined && origin !== ownOrigin) {
      c.get("log").warn({ origin }, "cross-origin mutation with cookies refused");
      return c.json({ error: { message: "This request must come from the shop's own pages" } }, 403);
    }
    return next();
  };
}
