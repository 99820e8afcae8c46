/**
 * Page speed as a shopper on a phone sees it: production builds in Chromium with the network and
 * the CPU throttled through the DevTools protocol, the way Lighthouse's mobile profile does
 * (Slow 4G: 1.6 Mbps down, 750 kbps up, 150 ms round trip; CPU 4× slower), on a 390 × 844 screen.
 *
 *   pnpm bench:pages [--runs 5] [--port N]   (TEST_DATABASE_URL set: a fresh database on that server;
 *                                          unset: on an embedded Postgres)
 *
 * Cold is a new browser context (empty cache, no cookies); warm reloads it (hashed assets come
 * from the cache, the HTML and API calls are made again). Per page and run it reports:
 * - interactive: when a shopper can act, i.e. the enabled Add to cart (the product page) or the
 *   first product card (the search grid), in ms since navigation began;
 * - first paint: first-contentful-paint;
 * - layout shift: the cumulative layout shift score of the load (PerformanceObserver), read a
 *   second after the page became interactive;
 * - JS: bytes of JavaScript transferred (compressed, headers included; 0 from the cache).
 *
 * Then image bytes: the grid's products get photos (see photos.ts), and a cold visit of each page
 * counts the image bytes it transfers (Resource Timing; lazy pictures below the fold load only if
 * the viewport reaches them), beside what the same pictures weighed as uploaded — which is what
 * the shop served before it made variants.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { ensurePostgresTemplate } from "@shopwright/db/testing";
import type { Page } from "playwright-core";
import { buildApp } from "../test/e2e/build-apps.ts";
import { type Shop, startShop } from "../test/e2e/harness.ts";
import { putPhotosOn } from "./photos.ts";

const { values } = parseArgs({
  // Without --port the shop takes a free one, so benches running side by side never meet.
  options: { runs: { type: "string", default: "5" }, port: { type: "string" } },
});
const runs = Number(values.runs);

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
/** How long after becoming interactive late layout shifts still count. */
const SETTLE_MS = 1_000;

/** What "a shopper can act" means on a page: an element, enabled, whose text starts as given. */
interface Ready {
  selector: string;
  text?: string;
}

const pages: { name: string; path: (slug: string) => string; ready: Ready }[] = [
  { name: "product page", path: (slug) => `/p/${slug}`, ready: { selector: "button", text: "Add to cart" } },
  { name: "search grid", path: () => "/search?q=lamp", ready: { selector: '[aria-label="Products"] a' } },
];

interface Sample {
  interactive: number;
  firstPaint: number;
  layoutShift: number;
  jsBytes: number;
}

type InPage = { __perf: Omit<Sample, "jsBytes"> };

/** The in-page observer (plain JS, so no compiler helpers leak into the browser). */
const observer = readFileSync(fileURLToPath(new URL("./page-observer.js", import.meta.url)), "utf8");

async function measure(page: Page, load: () => Promise<unknown>): Promise<Sample> {
  await load();
  // Functions, not strings: the shop's CSP forbids eval, which string expressions would need.
  await page.waitForFunction(() => (globalThis as unknown as InPage).__perf.interactive > 0, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(() => ({
    ...(globalThis as unknown as InPage).__perf,
    jsBytes: performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
      .reduce((sum, entry) => sum + (entry as unknown as { transferSize: number }).transferSize, 0),
  }));
}

async function throttledPage(shop: Shop, ready: Ready): Promise<Page> {
  const page = await shop.newPage(PHONE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.addInitScript({ content: `${observer}\nobserve(${JSON.stringify(ready)});` });
  return page;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

function row(name: string, visit: string, samples: Sample[]): string {
  const pick = (key: keyof Sample) => samples.map((s) => s[key]);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  return `| ${name} | ${visit} | ${median(pick("interactive")).toFixed(0)} | ${range(pick("interactive"))} | ${median(
    pick("firstPaint"),
  ).toFixed(0)} | ${range(pick("firstPaint"))} | ${median(pick("layoutShift")).toFixed(3)} | ${kib(
    median(pick("jsBytes")),
  )} | ${samples.length} |`;
}

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
    await page.locator(target.ready.selector, { hasText: target.ready.text }).first().waitFor();
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

async function main() {
  await Promise.all([buildApp("storefront"), buildApp("admin"), buildApp("server")]);
  const embedded = process.env.TEST_DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const serverUrl = process.env.TEST_DATABASE_URL ?? embedded!.url;
  await ensurePostgresTemplate(serverUrl);
  const shop = await startShop({
    ...(values.port ? { port: Number(values.port) } : {}),
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

    console.log(
      `Phone: ${PHONE.viewport.width}×${PHONE.viewport.height}, Slow 4G (1.6 Mbps, ${SLOW_4G.latency} ms RTT), CPU ${CPU_SLOWDOWN}× slower`,
    );
    console.log(
      "| page | visit | interactive median ms | interactive min–max | first paint median ms | first paint min–max | layout shift median | JS KiB transferred | runs |",
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const target of pages) {
      const cold: Sample[] = [];
      const warm: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await throttledPage(shop, target.ready);
        cold.push(await measure(page, () => page.goto(shop.url(target.path(slug)))));
        warm.push(await measure(page, () => page.reload()));
        if (i === 0) await shop.screenshot(page, `${target.name.replace(/ /g, "-")}-phone`);
        await page.context().close();
      }
      console.log(row(target.name, "cold", cold));
      console.log(row(target.name, "warm", warm));
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
