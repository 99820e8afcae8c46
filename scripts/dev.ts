/**
 * `pnpm dev`: the shop for contributors. The API server in watch mode (restarted on every saved
 * server file, on the embedded Postgres unless DATABASE_URL says otherwise) and both apps on
 * Vite's dev servers (edits appear in the page at once), each part's output prefixed with its
 * name. It prints where to go once all three answer, and stops all three on Ctrl-C.
 *
 * The storefront's dev server is the shop's address (scripts/dev-addresses.ts): the API runs with
 * it as PUBLIC_URL, so links in emails and the payment page's return address land on the apps.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEV } from "./dev-addresses.ts";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const READY_TIMEOUT_MS = 180_000;

interface Part {
  name: string;
  /** The pnpm workspace package whose `dev` script runs it. */
  filter: string;
  /** Answers once the part is up. */
  probe: string;
  env?: Record<string, string>;
}

const PARTS: Part[] = [
  {
    name: "api",
    filter: "@shopwright/server",
    probe: `${DEV.api.origin}/readyz`,
    env: { PUBLIC_URL: DEV.storefront.origin, PORT: String(DEV.api.port), HOST: DEV.api.host },
  },
  { name: "storefront", filter: "@shopwright/storefront", probe: `${DEV.storefront.origin}/` },
  { name: "admin", filter: "@shopwright/admin", probe: `${DEV.admin.origin}/admin/` },
];

const children = new Map<string, ChildProcess>();
let stopping = false;

function start(part: Part): ChildProcess {
  // Its own process group, so stopping it stops what pnpm started under it too.
  const child = spawn("pnpm", ["--filter", part.filter, "run", "dev"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development", ...part.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `[${part.name}]`.padEnd(13);
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.once("exit", (code, signal) => {
    children.delete(part.name);
    if (stopping) return;
    console.error(`${prefix}stopped (${signal ?? `exit code ${code}`}); stopping the rest`);
    void stop(1);
  });
  return child;
}

async function waitUntilAnswering(url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!stopping && Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (!stopping) throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => (child.exitCode === null ? child.once("exit", () => resolve()) : resolve())),
  );
  for (const child of children.values()) signalGroup(child, "SIGTERM");
  // The API gives requests and jobs 10 s to finish; past that, nothing is left waiting.
  const deadline = setTimeout(() => {
    for (const child of children.values()) signalGroup(child, "SIGKILL");
  }, 15_000);
  await Promise.all(exits);
  clearTimeout(deadline);
  process.exit(exitCode);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

for (const part of PARTS) children.set(part.name, start(part));
try {
  await Promise.all(PARTS.map((part) => waitUntilAnswering(part.probe)));
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
if (!stopping) {
  console.log(
    [
      "",
      "  Shopwright is running for development: pages reload as you edit, the API restarts.",
      `  Storefront  ${DEV.storefront.origin}/`,
      `  Admin       ${DEV.storefront.origin}/admin/   (the admin login is printed by [api] above)`,
      `  API         ${DEV.storefront.origin}/trpc   (served by ${DEV.api.origin})`,
      `  Stop with Ctrl-C (or kill ${process.pid}).`,
      "",
    ].join("\n"),
  );
}
