/**
 * Compresses responses on the fly: Brotli when the browser accepts it, else gzip. Hono's own
 * `compress` offers only gzip and deflate (it rides on CompressionStream), and Brotli is some
 * 15–20 % smaller on JSON and HTML, so this uses Node's zlib.
 *
 *   app.use(compression());
 *
 * Built assets arrive precompressed (serveStatic's `precompressed`, files written by
 * scripts/vite-precompress.ts) and pass through untouched. Bodies are buffered: what this
 * compresses is API JSON, HTML and text, all bounded; nothing here streams.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Types worth compressing; images other than SVG, fonts and archives are compressed already. */
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

export type Encoding = "br" | "gzip";

/** The encoding to answer with for an Accept-Encoding header: the highest q, Brotli on a tie. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = weight ? Number(weight.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (name: Encoding) => q.get(name) ?? q.get("*") ?? 0;
  const best = (["br", "gzip"] as const).reduce((a, b) => (of(b) > of(a) ? b : a));
  return of(best) > 0 ? best : undefined;
}

export function compression({ threshold = 1024 }: { threshold?: number } = {}): MiddlewareHandler {
  return async function compression(c, next) {
    await next();
    const res = c.res;
    const type = res.headers.get("content-type") ?? "";
    if (
      c.req.method === "HEAD" ||
      !res.body ||
      res.status === 206 ||
      res.headers.has("content-encoding") ||
      !COMPRESSIBLE.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("cache-control") ?? "")
    ) {
      return;
    }
    // Whatever this request got, another Accept-Encoding could get something else.
    const vary = res.headers.get("vary");
    if (!vary) res.headers.set("vary", "Accept-Encoding");
    else if (!/accept-encoding|\*/i.test(vary)) res.headers.set("vary", `${vary}, Accept-Encoding`);

    const encoding = chooseEncoding(c.req.header("accept-encoding"));
    const declared = res.headers.get("content-length");
    if (!encoding || (declared && Number(declared) < threshold)) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < threshold) {
      c.res = new Response(body, res);
      return;
    }
    const compressed =
      encoding === "br"
        ? // Quality 5 of 11: most of Brotli's gain at a few milliseconds per response.
          await brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : await gzipAsync(body);
    c.res = new Response(compressed, res);
    // Set after the assignment: Hono copies the old response's headers onto the new one.
    c.res.headers.set("content-encoding", encoding);
    c.res.headers.set("content-length", String(compressed.length));
    const etag = c.res.headers.get("etag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("etag", `W/${etag}`);
  };
}
