/**
 * End-to-end harness for the admin app: a real shop process, the admin SPA's production build,
 * Chromium, and a way for a test to set up what no public API offers (a job in a given state).
 *
 *   const shop = await startShop({ port: 3160 });
 *   const page = await shop.newPage();
 *   await page.goto(shop.url("/admin/"));          // sign in as shop.admin
 *   await shop.screenshot(page, "dashboard");      // .artifacts/screenshots/admin/dashboard.png
 *   await shop.withDatabase((db) => …);
 *   await shop.stop();
 *
 * It builds apps/admin and apps/storefront, starts `tsx apps/server/src/main.ts` on 127.0.0.1:`port` with `SEED=auto`
 * (which also creates the admin account given in ADMIN_EMAIL/ADMIN_PASSWORD) over a fresh
 * database — its own database on the Postgres server when TEST_DATABASE_URL is set, else the
 * shop's embedded one in a temporary DATA_DIR — and waits for /readyz.
 *
 * It has the shape of the storefront's harness (apps/server/test/e2e/harness.ts); the two can
 * become one once both are merged.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresDb, type Db, type PostgresDb } from "@shopwright/db";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { type Browser, chromium, type Page } from "playwright-core";

export interface Shop {
  /** An absolute URL on the shop: `shop.url("/admin/orders")`. */
  url(path?: string): string;
  /** The admin account the shop seeded at start. */
  admin: { email: string; password: string };
  /**
   * Runs `fn` on the shop's database. A Postgres server is simply shared; the embedded database
   * is one PGlite that only one process may open, so the shop stops meanwhile and then restarts
   * on the same data (pages keep their sessions: the signing secrets live in DATA_DIR).
   */
  withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T>;
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
const ADMIN = { email: "admin@shopwright.test", password: "e2e admin password" };

/**
 * Builds an SPA into its dist folder, as `pnpm build` does. In a child process, because the test
 * runner's NODE_ENV=test would otherwise give a development build of React.
 */
async function buildSpa(name: "admin" | "storefront"): Promise<void> {
  const app = join(repoRoot, "apps", name);
  const child = spawn(join(app, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: app,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`Building apps/${name} failed:\n${output.join("")}`);
}

export async function startShop(options: { port: number }): Promise<Shop> {
  // The storefront too: an admin's changes are checked where shoppers see them.
  await Promise.all([buildSpa("admin"), buildSpa("storefront")]);
  const postgres = process.env.TEST_DATABASE_URL ? await createPostgresTestDb({ max: 2 }) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-admin-e2e-"));
  const origin = `http://127.0.0.1:${options.port}`;
  const output: string[] = [];
  const logs = () => output.join("\n");
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - LOG_LINES));
  };

  const startServer = async () => {
    const child = spawn(join(repoRoot, "node_modules/.bin/tsx"), ["apps/server/src/main.ts"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        PORT: String(options.port),
        PUBLIC_URL: origin,
        DATA_DIR: dataDir,
        DATABASE_URL: postgres?.url ?? "",
        SEED: "auto",
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WORKER: "inline",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    try {
      await waitUntilReady(origin, child, logs);
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    return child;
  };

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (server) await stopProcess(server);
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    server = await startServer();
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
    admin: ADMIN,
    async withDatabase(fn) {
      if (postgres) return fn(postgres);
      await stopProcess(server!);
      const embedded = await startEmbeddedPostgres({ dataDir });
      let db: PostgresDb | undefined;
      try {
        db = createPostgresDb(embedded.url, { max: 1 });
        return await fn(db);
      } finally {
        await db?.close();
        await embedded.stop();
        server = await startServer();
      }
    },
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

/** SIGTERM for a graceful stop (the embedded database flushes), SIGKILL if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
