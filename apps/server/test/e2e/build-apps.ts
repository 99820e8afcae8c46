/**
 * vitest globalSetup of the e2e project: builds both SPAs and the server once per run, as
 * `pnpm build` does, so every test file's shop is the production build `pnpm start` runs.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * Builds an app into its dist folder with its own `build` script. In a child process, because the
 * test runner's NODE_ENV=test would otherwise give a development build of React.
 */
export async function buildApp(name: "admin" | "storefront" | "server"): Promise<void> {
  const app = join(repoRoot, "apps", name);
  const child = spawn("pnpm", ["run", "--silent", "build"], {
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

export default async function setup(): Promise<void> {
  await Promise.all([buildApp("admin"), buildApp("storefront"), buildApp("server")]);
}
