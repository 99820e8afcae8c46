/**
 * Serves a built single-page app. Files are served as they are (hashed assets cached for good).
 * Any other path gets the app's index.html so the app can route it: with 200 when it is one of the
 * app's routes, with 404 when it is not, so the app shows its not-found page and the status tells
 * crawlers, caches and scripts the truth. A missing asset is a plain 404, never the app's HTML.
 * A private route (a guest's order, opened with the secret in its link) is kept out of search
 * engines and shared caches: its page is the same HTML, but what it shows belongs to one person.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";

type Routes = ReadonlyArray<{ path: string }>;

/** Whether `path` is one of the app's routes ("/orders/:id": a `:name` stands for one segment). */
function matchesRoute(routes: Routes, path: string): boolean {
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

export function mountSpa(
  app: Hono<AppEnv>,
  base: string,
  root: string,
  routes: Routes,
  { privateRoutes = [] }: { privateRoutes?: Routes } = {},
) {
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
    const path = c.req.path.slice(base.length) || "/";
    const known = matchesRoute(routes, path);
    if (matchesRoute(privateRoutes, path)) {
      c.header("cache-control", "private, no-store");
      c.header("x-robots-tag", "noindex");
    } else {
      c.header("cache-control", "no-cache");
    }
    return c.html(await readFile(indexFile, "utf8"), known ? 200 : 404);
  });
}
