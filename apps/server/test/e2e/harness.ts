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
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@shopwright/db";
import { createPostgresTestDb, freePort } from "@shopwright/db/testing";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

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

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
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
  const output: string[] = [];
  const logs = () => output.join("\n");
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - LOG_LINES));
  };
  let stopping = false;

  const startServer = async () => {
    const child = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/main.js"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        PORT: String(port),
        PUBLIC_URL: origin,
        DATA_DIR: dataDir,
        DATABASE_URL: postgres.url,
        SEED: "auto",
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: "warn",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.once("exit", (code, signal) => {
      // A crash mid-test otherwise shows up only as refused connections.
      if (!stopping) console.error(`The shop exited unexpectedly (${signal ?? `code ${code}`}):\n${logs()}`);
    });
    try {
      await waitUntilReady(origin, child, logs);
    } catch (error) {
      await stopServer(child);
      throw error;
    }
    return child;
  };
  const stopServer = async (child: ChildProcess) => {
    stopping = true;
    await stopProcess(child);
    stopping = false;
  };

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (server) await stopServer(server);
    // The database's pool was only needed to create it; closing drops it.
    await postgres.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    server = await startServer();
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

async function waitUntilReady(origin: string, server: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The shop exited with code ${server.exitCode}:\n${logs()}`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The shop was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${logs()}`);
}

/** SIGTERM for a graceful stop, SIGKILL if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
