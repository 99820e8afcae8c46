/**
 * End-to-end harness: a real shop process and a real browser.
 *
 *   const shop = await startShop({ port: 3170, apps: ["storefront"] });
 *   const page = await shop.newPage();            // Chromium page, 1280×800 unless told otherwise
 *   await page.goto(shop.url("/"));
 *   await shop.screenshot(page, "home");          // .artifacts/screenshots/storefront/home.png
 *   await shop.stop();                             // in afterAll
 *
 * `startShop` builds the named SPAs with vite's build API (production builds, as `pnpm start`
 * serves them), starts `tsx apps/server/src/main.ts` on 127.0.0.1:`port` with `SEED=auto` over a
 * fresh database — its own database on the Postgres server when TEST_DATABASE_URL is set, else
 * the embedded one in a temporary DATA_DIR — waits for /readyz, and launches Debian's Chromium
 * through playwright-core. `stop()` ends the browser and the server and drops the database.
 * If the server dies or never gets ready, the error carries the tail of its output.
 *
 * Admin tests: pass `env: { ADMIN_EMAIL, ADMIN_PASSWORD }` to know the seeded admin's login, and
 * `apps: ["admin"]` (served at `shop.url("/admin/")`). Each test file starts its own shop on its
 * own port; files run one at a time (vitest.config.ts, project "e2e").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

export type SpaName = "storefront" | "admin";

export interface StartShopOptions {
  /** A port in the caller's assigned range. */
  port: number;
  /** SPAs to build before the server starts (each takes a second or two). */
  apps: SpaName[];
  /** Extra environment for the server, e.g. `{ PAYMENT_TIMEOUT_MINUTES: "1" }`. */
  env?: Record<string, string>;
  /** Where screenshots go, under .artifacts/screenshots/; defaults to the first app's name. */
  screenshots?: string;
}

export interface Shop {
  /** An absolute URL on the shop: `shop.url("/p/lamp")`. */
  url(path?: string): string;
  browser: Browser;
  /** A page in a fresh browser context (its own cookies and storage, so its own shopper). */
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

/** Builds an SPA into apps/<name>/dist with the vite that app depends on. */
export async function buildSpa(name: SpaName): Promise<void> {
  const root = join(repoRoot, "apps", name);
  const vitePackage = createRequire(join(root, "package.json")).resolve("vite/package.json");
  const vite = (await import(pathToFileURL(join(dirname(vitePackage), "dist/node/index.js")).href)) as {
    build(config: { root: string; logLevel: "warn" }): Promise<unknown>;
  };
  // vitest sets NODE_ENV=test, which vite would keep, shipping React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await vite.build({ root, logLevel: "warn" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export async function startShop(options: StartShopOptions): Promise<Shop> {
  for (const app of options.apps) await buildSpa(app);

  const db = process.env.TEST_DATABASE_URL ? await createPostgresTestDb({ max: 1 }) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-e2e-"));
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
      SEED: "auto",
      LOG_LEVEL: "warn",
      ...(db ? { DATABASE_URL: db.url } : { DATABASE_URL: "" }),
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
  let stopping = false;
  server.once("exit", (code, signal) => {
    // A crash mid-test otherwise shows up only as refused connections.
    if (!stopping) console.error(`The shop exited unexpectedly (${signal ?? `code ${code}`}):\n${logs()}`);
  });

  const cleanUp = async () => {
    stopping = true;
    await stopProcess(server);
    // The database's pool was only needed to create it; closing drops it.
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(origin, server, logs);
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  const screenshotDir = join(repoRoot, ".artifacts/screenshots", options.screenshots ?? options.apps[0] ?? "e2e");
  mkdirSync(screenshotDir, { recursive: true });
  console.log(`Screenshots: ${screenshotDir}`);

  return {
    url: (path = "/") => `${origin}${path}`,
    browser,
    async newPage(contextOptions) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
      return context.newPage();
    },
    async screenshot(page, name) {
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    logs,
    async stop() {
      await browser.close();
      await cleanUp();
    },
  };
}

async function waitUntilReady(origin: string, server: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The shop exited with code ${server.exitCode}:\n${logs()}`);
    try {
      const response = await fetch(`${origin}/readyz`);
      if (response.ok) return;
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
