/**
 * vitest globalSetup of the e2e project: builds both SPAs once per run, as `pnpm build` does, so
 * every test file's shop serves the same production builds.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * Builds an SPA into its dist folder. In a child process, because the test runner's NODE_ENV=test
 * would otherwise give a development build of React.
 */
export async function buildSpa(name: "admin" | "storefront"): Promise<void> {
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

export default async function setup(): Promise<void> {
  await Promise.all([buildSpa("admin"), buildSpa("storefront")]);
}
