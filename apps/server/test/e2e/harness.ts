/**
 * End-to-end harness: a real shop process and a real browser.
 *
 *   const shop = await startShop({ screenshots: "storefront" });
 *   const page = await shop.newPage();            // Chromium page, 1280×800 unless told otherwise
 *   await page.goto(shop.url("/"));                // or shop.url("/admin/"), signed in as shop.admin
 *   await shop.screenshot(page, "home");          // .artifacts/screenshots/storefront/home.png
 *   await shop.withDatabase((db) => …);           // set up what no public API offers
 *   await shop.stop();                             // in afterAll
 *
 * The e2e project's globalSetup (build-apps.ts) builds both SPAs and the server once per run in
 * production mode, as `pnpm start` runs them. `startShop` starts `node apps/server/dist/main.js` on
 * a free port of 127.0.0.1 with `SEED=auto` (which also creates the admin account `shop.admin`) over a
 * fresh database of its own on the run's Postgres server, waits for /readyz, and launches Debian's Chromium
 * through playwright-core. `stop()` ends the browser and the server and drops the database.
 * If the server dies or never gets ready, the error carries the tail of its output.
 *
 * Each test file starts its own shop on its own free port (so runs side by side never meet);
 * files run one at a time (vitest.config.ts,
 * project "e2e").
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@shopwright/db";
import { createPostgresTestDb, freePort } from "@shopwright/db/testing";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { recentOutput, repoRoot, type ServerProcess, startServer, stopProcess } from "../server-process.ts";

export interface StartShopOptions {
  /** A fixed port (a bench that prints its URL); by default a free one. */
  port?: number;
  /** The folder under .artifacts/screenshots/ that screenshots go to, e.g. the app's name. */
  screenshots: string;
  /** Extra environment for the server, e.g. `{ PAYMENT_TIMEOUT_MINUTES: "1" }`. */
  env?: Record<string, string>;
  /** The Postgres server the shop's database is made on; by default the test run's. */
  serverUrl?: string;
}

export interface Shop {
  /** An absolute URL on the shop: `shop.url("/p/lamp")`. */
  url(path?: string): string;
  /** The admin account the shop seeded at start. */
  admin: { email: string; password: string };
  /** Runs `fn` on the shop's database, beside the running shop. */
  withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  browser: Browser;
  /** A page in a fresh browser context (its own cookies and storage, so its own session). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Saves a full-page PNG and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** The server's recent output, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const READY_TIMEOUT_MS = 120_000;
const LOG_LINES = 200;
const ADMIN = { email: "admin@shopwright.test", password: "e2e admin password" };

export async function startShop(options: StartShopOptions): Promise<Shop> {
  const postgres = await createPostgresTestDb({ max: 2, serverUrl: options.serverUrl });
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-e2e-"));
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  let server: ServerProcess | undefined;
  const logs = () => (server ? recentOutput(server, LOG_LINES) : "");
  let stopping = false;

  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    stopping = true;
    if (server) await stopProcess(server, 10_000);
    // The database's pool was only needed to create it; closing drops it.
    await postgres.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    server = await startServer({
      name: "shop",
      port,
      build: "dist",
      env: {
        NODE_ENV: "test",
        PUBLIC_URL: origin,
        DATA_DIR: dataDir,
        DATABASE_URL: postgres.url,
        SEED: "auto",
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: "warn",
        ...options.env,
      },
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    server.child.once("exit", (code, signal) => {
      // A crash mid-test otherwise shows up only as refused connections.
      if (!stopping) console.error(`The shop exited unexpectedly (${signal ?? `code ${code}`}):\n${logs()}`);
    });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stop();
    throw error;
  }

  const screenshotDir = join(repoRoot, ".artifacts/screenshots", options.screenshots);
  mkdirSync(screenshotDir, { recursive: true });
  console.log(`Screenshots: ${screenshotDir}`);
  const openBrowser = browser;

  return {
    url: (path = "/") => `${origin}${path}`,
    admin: ADMIN,
    withDatabase: (fn) => fn(postgres),
    browser: openBrowser,
    async newPage(contextOptions) {
      const context = await openBrowser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
      return context.newPage();
    },
    async screenshot(page, name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    logs,
    stop,
  };
}
