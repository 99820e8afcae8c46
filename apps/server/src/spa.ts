/**
 * Serves a built single-page app. Files are served as they are (hashed assets cached for good).
 * Any other path gets the app's index.html so the app can route it: with 200 when it is one of the
 * app's routes, with 404 when it is not, so the app shows its not-found page and the status tells
 * crawlers, caches and scripts the truth. A missing asset is a plain 404, never the app's HTML.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";

/** Whether `path` is one of the app's routes ("/orders/:id": a `:name` stands for one segment). */
function matchesRoute(routes: ReadonlyArray<{ path: string }>, path: string): boolean {
  const segments = (p: string) => p.split("/").filter(Boolean);
  const given = segments(path);
  return routes.some((route) => {
    const expected = segments(route.path);
    return (
      expected.length === given.length &&
      expected.every((part, i) => part.startsWith(":") || part === decodeURIComponent(given[i]!))
    );
  });
}

export function mountSpa(app: Hono<AppEnv>, base: string, root: string, routes: ReadonlyArray<{ path: string }>) {
  const indexFile = join(root, "index.html");
  if (!existsSync(indexFile)) return;
  const assets = serveStatic({ root, precompressed: true, rewriteRequestPath: (p) => p.slice(base.length) || "/" });
  if (base) app.get(base, (c) => c.redirect(`${base}/`));
  // Set once the file is found: serveStatic's own onFound runs after its response is built.
  const cachedForGood: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("cache-control", "public, max-age=31536000, immutable");
  };
  app.get(`${base}/assets/*`, cachedForGood, assets, (c) => c.notFound());
  app.get(`${base}/*`, assets, async (c) => {
    const known = matchesRoute(routes, c.req.path.slice(base.length) || "/");
    c.header("cache-control", "no-cache");
    return c.html(await readFile(indexFile, "utf8"), known ? 200 : 404);
  });
}
