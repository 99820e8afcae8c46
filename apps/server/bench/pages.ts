/**
 * Page speed in Chromium: the time until a product page and a search result grid are rendered on
 * production builds, with an empty cache (a first visit) and a warm one (a return visit).
 *
 *   pnpm bench:pages [--runs 7]     (TEST_DATABASE_URL set: a fresh database on that server;
 *                                    unset: on an embedded Postgres)
 *
 * "Rendered" means what a shopper waits for: the product's heading and its Add to cart (or Sold
 * out), or the grid's first product card. The figure is `performance.now()` in the page at that
 * moment, i.e. milliseconds since navigation started.
 *
 * Then image bytes: the grid's products get photos (see photos.ts), and a cold visit of each page
 * counts the image bytes it transfers (Resource Timing; lazy pictures below the fold load only if
 * the viewport reaches them), beside what the same pictures weighed as uploaded — which is what
 * the shop served before it made variants.
 */
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { ensurePostgresTemplate } from "@shopwright/db/testing";
import type { Page } from "playwright-core";
import { buildApp } from "../test/e2e/build-apps.ts";
import { type Shop, startShop } from "../test/e2e/harness.ts";
import { putPhotosOn } from "./photos.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, port: { type: "string", default: "3230" } },
});
const runs = Number(values.runs);

type Measure = (page: Page) => Promise<void>;
const pages: { name: string; path: (slug: string) => string; rendered: Measure }[] = [
  {
    name: "product page",
    path: (slug) => `/p/${slug}`,
    rendered: async (page) => {
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("button", { name: "Add to cart" }).or(page.getByText("Sold out")).first().waitFor();
    },
  },
  {
    name: "search grid",
    path: () => "/search?q=lamp",
    rendered: async (page) => {
      await page.getByRole("list", { name: "Products" }).getByRole("link").first().waitFor();
    },
  },
];

/** Every picture a page loaded, by URL, with its transferred body size. */
async function loadedImages(page: Page): Promise<{ url: string; bytes: number }[]> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.startsWith("/media/"))
      .map((entry) => ({ url: entry.name, bytes: "encodedBodySize" in entry ? Number(entry.encodedBodySize) : 0 })),
  );
}

async function imageBytes(shop: Shop, slug: string) {
  const search = await shop.newPage();
  await search.goto(shop.url("/search?q=lamp"));
  const grid = search.getByRole("list", { name: "Products" }).getByRole("link");
  await grid.first().waitFor();
  const slugs = await Promise.all((await grid.all()).map(async (link) => (await link.getAttribute("href"))!.slice(3)));
  await search.context().close();
  const originals = await putPhotosOn(shop, [...new Set([slug, ...slugs])]);

  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(`\n| page | pictures loaded | KB transferred | largest KB | same pictures as uploaded, KB |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |`);
  for (const target of pages) {
    const page = await shop.newPage();
    await page.goto(shop.url(target.path(slug)));
    await target.rendered(page);
    const images = await loadedImages(page);
    await page.context().close();
    const total = images.reduce((sum, image) => sum + image.bytes, 0);
    // Before variants, the shop sent each upload as it was (once per page, however often shown);
    // seed art is the same either way.
    const uploads = new Set<string>();
    const before = images.reduce((sum, image) => {
      const id = /\/variants\/(img_[^.]+)\./.exec(image.url)?.[1];
      if (!id) return sum + image.bytes;
      if (uploads.has(id)) return sum;
      uploads.add(id);
      return sum + (originals.get(id) ?? image.bytes);
    }, 0);
    const largest = Math.max(...images.map((image) => image.bytes));
    console.log(`| ${target.name} | ${images.length} | ${kb(total)} | ${kb(largest)} | ${kb(before)} |`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  await Promise.all([buildApp("storefront"), buildApp("admin"), buildApp("server")]);
  const embedded = process.env.TEST_DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const serverUrl = process.env.TEST_DATABASE_URL ?? embedded!.url;
  await ensurePostgresTemplate(serverUrl);
  const shop = await startShop({
    port: Number(values.port),
    screenshots: "bench",
    env: { RATE_LIMITS: "off" },
    serverUrl,
  });
  try {
    const probe = await shop.newPage();
    await probe.goto(shop.url("/search?inStock=1"));
    const first = probe.getByRole("list", { name: "Products" }).getByRole("link").first();
    await first.waitFor();
    const slug = (await first.getAttribute("href"))!.replace("/p/", "");
    await probe.context().close();

    console.log(`| page | cold median ms | cold min–max | warm median ms | warm min–max | runs |`);
    console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`);
    for (const target of pages) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) {
        // A new browser context starts with an empty cache; the reload finds scripts cached.
        const page = await shop.newPage();
        await page.goto(shop.url(target.path(slug)));
        await target.rendered(page);
        cold.push(await page.evaluate(() => performance.now()));
        await page.reload();
        await target.rendered(page);
        warm.push(await page.evaluate(() => performance.now()));
        await page.context().close();
      }
      const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
      console.log(
        `| ${target.name} | ${median(cold).toFixed(0)} | ${range(cold)} | ${median(warm).toFixed(0)} | ${range(warm)} | ${runs} |`,
      );
    }
    await imageBytes(shop, slug);
  } finally {
    await shop.stop();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
