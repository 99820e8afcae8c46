/**
 * End-to-end harness for the admin app: a real shop process, a database the test can also reach,
 * and Chromium.
 *
 *   const shop = await startShop({ port: 3160 });
 *   const page = await shop.newPage();
 *   await page.goto(shop.url("/admin/"));
 *   await shop.screenshot(page, "dashboard");      // .artifacts/screenshots/admin/dashboard.png
 *   await shop.stop();
 *
 * It builds the admin SPA (a production build, as `pnpm start` serves it), starts
 * `tsx apps/server/src/main.ts` on 127.0.0.1:`port` over a fresh database — its own database on
 * the Postgres server when TEST_DATABASE_URL is set, else an in-memory PGlite served from this
 * process — and waits for /readyz. Unlike a shopper, a test needs a few things no public API gives
 * (an admin account, a job in a given state), so `shop.db` reaches the same database.
 *
 * This mirrors the storefront's harness (apps/server/test/e2e/harness.ts on its branch) in shape;
 * the two can become one once both are merged.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresDb, type Db } from "@shopwright/db";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { type Browser, chromium, type Page } from "playwright-core";

export interface Shop {
  /** An absolute URL on the shop: `shop.url("/admin/orders")`. */
  url(path?: string): string;
  /** The shop's database, for test setup the public API does not offer. */
  db: Db;
  browser: Browser;
  /** A page in a fresh browser context: its own cookies, so its own session. */
  newPage(): Promise<Page>;
  /** Saves a full-page PNG under the folder printed at start, and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** The server's recent output, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
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

/**
 * Builds apps/admin into its dist folder, as `pnpm build` does. In a child process, because
 * the test runner's NODE_ENV=test would otherwise give a development build of React.
 */
async function buildAdmin(): Promise<void> {
  const app = join(repoRoot, "apps/admin");
  const child = spawn(join(app, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: app,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`Building the admin app failed:\n${output.join("")}`);
}

/** A database of the test's own, and how to reach it. */
async function freshDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return createPostgresTestDb({ max: 1 });
  const embedded = await startEmbeddedPostgres({});
  return { url: embedded.url, close: () => embedded.stop() };
}

export async function startShop(options: { port: number; env?: Record<string, string> }): Promise<Shop> {
  await buildAdmin();
  const database = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-admin-e2e-"));
  // The server serves /media only when the folder exists at start.
  mkdirSync(join(dataDir, "media"), { recursive: true });
  const origin = `http://127.0.0.1:${options.port}`;
  const output: string[] = [];
  const server = spawn(join(repoRoot, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SEED: "auto",
      WORKER: "inline",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - LOG_LINES));
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  const logs = () => output.join("\n");

  let db: Db | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await stopProcess(server);
    await db?.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(origin, server, logs);
    db = createPostgresDb(database.url, { max: 2 });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stop();
    throw error;
  }

  const screenshotDir = join(repoRoot, ".artifacts/screenshots/admin");
  mkdirSync(screenshotDir, { recursive: true });
  console.log(`Screenshots: ${screenshotDir}`);
  const openBrowser = browser;

  return {
    url: (path = "/") => `${origin}${path}`,
    db,
    browser: openBrowser,
    async newPage() {
      const context = await openBrowser.newContext({ viewport: { width: 1280, height: 800 } });
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
