/**
 * What someone outside the monorepo does: pack the client, install the tarball into an empty
 * project of their own (npm, and pnpm), type-check a script with their TypeScript under strict
 * settings, and run it with plain `node` against a running shop. The installed tree must hold
 * nothing of the server and stay small.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../../apps/server/test/e2e/harness.ts";
import { closedPort } from "./closed-port.ts";

const here = fileURLToPath(new URL("../", import.meta.url));
const repoRoot = join(here, "../..");
const run = promisify(execFile);

/** The client's own tree: it and what it runs on. Anything else installed is the project's choice. */
const CLIENT_TREE = ["@shopwright/client", "@trpc/client", "@trpc/server", "superjson", "copy-anything"];
/** The project's own compiler and Node's types (tRPC asks for TypeScript as a peer too). */
const PROJECT_TOOLS = ["typescript", "@typescript/typescript-linux-x64", "@types/node", "undici-types"];
const SIZE_BUDGET_BYTES = 5 * 1024 * 1024;

/** The versions the workspace itself builds with, so the outsider's compiler is the one we test with. */
const workspaceVersion = (name: string) =>
  (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    types: ["node"],
    // tRPC's own declarations mention the `ws` package's types, which a client has no use for.
    skipLibCheck: true,
    rewriteRelativeImportExtensions: true,
    outDir: "dist",
  },
};

let shop: Shop;
let project: string;
let tarball: string;

async function exec(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "shopwright-outsider-"));
  const packed = join(project, "packed");
  mkdirSync(packed);
  // Packing builds the client (prepack) while the shop starts.
  [shop] = await Promise.all([
    startShop({ screenshots: "client", env: { RATE_LIMITS: "off" } }),
    exec("pnpm", ["pack", "--pack-destination", packed], here),
  ]);
  const [file] = readdirSync(packed);
  tarball = join(packed, file!);

  const app = join(project, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "outsider",
      private: true,
      type: "module",
      devDependencies: { typescript: workspaceVersion("typescript"), "@types/node": workspaceVersion("@types/node") },
    }),
  );
  writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, include: ["*.ts"] }));
  await exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], app);
}, 300_000);

afterAll(async () => {
  await shop?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Every package npm put in node_modules, by name, with its size on disk. */
function installedPackages(nodeModules: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const size = (path: string): number =>
    statSync(path).isDirectory()
      ? readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0)
      : statSync(path).size;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue;
    const names = entry.startsWith("@")
      ? readdirSync(join(nodeModules, entry)).map((scoped) => `${entry}/${scoped}`)
      : [entry];
    for (const name of names) sizes.set(name, size(join(nodeModules, name)));
  }
  return sizes;
}

describe("@shopwright/client, installed from its tarball outside the workspace", () => {
  it("has a version, and installs only itself and what it runs on: no server package, under 5 MB", () => {
    expect(tarball).toMatch(/shopwright-client-\d+\.\d+\.\d+\.tgz$/);
    const packages = installedPackages(join(project, "app/node_modules"));
    const unexpected = [...packages.keys()].filter(
      (name) => !CLIENT_TREE.includes(name) && !PROJECT_TOOLS.includes(name),
    );
    expect(unexpected, "packages installed beside the client's own").toEqual([]);
    expect([...packages.keys()].filter((name) => CLIENT_TREE.includes(name)).sort()).toEqual([...CLIENT_TREE].sort());
    const clientBytes = CLIENT_TREE.reduce((sum, name) => sum + packages.get(name)!, 0);
    console.log(`client tree installed: ${(clientBytes / 1024 / 1024).toFixed(2)} MB (${CLIENT_TREE.join(", ")})`);
    expect(clientBytes).toBeLessThan(SIZE_BUDGET_BYTES);
  });

  it("installs into an empty pnpm project with no build to approve", async () => {
    const pnpmProject = join(project, "pnpm-app");
    mkdirSync(pnpmProject);
    writeFileSync(join(pnpmProject, "package.json"), JSON.stringify({ name: "outsider-pnpm", private: true }));
    await exec("pnpm", ["add", tarball], pnpmProject);
    expect(readdirSync(join(pnpmProject, "node_modules/@shopwright"))).toEqual(["client"]);
  });

  it("type-checks and compiles the place-order example under strict, NodeNext and exactOptionalPropertyTypes", async () => {
    const app = join(project, "app");
    for (const file of ["place-order.ts", "cli.ts"]) {
      writeFileSync(join(app, file), readFileSync(join(repoRoot, "examples", file)));
    }
    await exec(join(app, "node_modules/.bin/tsc"), ["-p", "."], app);
    expect(readdirSync(join(app, "dist")).sort()).toEqual(["cli.js", "place-order.js"]);
  });

  it("refuses to compile a misspelt procedure or input field", async () => {
    const typo = join(project, "app/typo");
    mkdirSync(typo);
    writeFileSync(join(typo, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, include: ["*.ts"] }));
    writeFileSync(
      join(typo, "typo.ts"),
      [
        'import { createShopClient } from "@shopwright/client";',
        'const shop = createShopClient({ url: "http://127.0.0.1:3000" });',
        'await shop.trpc.catalog.serach.query({ q: "lamp" });',
        'await shop.trpc.catalog.search.query({ qq: "lamp" });',
        "",
      ].join("\n"),
    );
    const output = await run(join(project, "app/node_modules/.bin/tsc"), ["-p", "."], { cwd: typo }).then(
      () => "compiled without an error",
      (error: { stdout: string }) => error.stdout,
    );
    expect(output.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^typo\.ts\(3,\d+\): error TS2551: Property 'serach' does not exist .* Did you mean 'search'\?$/,
      ),
      expect.stringMatching(/^typo\.ts\(4,\d+\): error TS2353: .*'qq' does not exist in type/),
    ]);
  });

  it("runs with plain node: search, sign up, check out, approve the payment and see the order processing", async () => {
    const app = join(project, "app");
    // Compiled by the test above, as its author would before running it.
    const { stdout, stderr } = await exec(
      process.execPath,
      ["dist/place-order.js", "--email", "outsider@example.test", "--password", "outsider password"],
      app,
      { SHOP_URL: shop.url("").replace(/\/$/, "") },
    );
    expect(stderr).toBe("");
    expect(stdout).toMatch(/Order #\d+ \(ord_\w+\) is processing/);
  });

  it("prints one line, not a dump, when the shop cannot be reached and nobody catches it", async () => {
    const app = join(project, "app");
    const closed = `http://127.0.0.1:${await closedPort()}`;
    writeFileSync(
      join(app, "unreachable.mjs"),
      `import { createShopClient } from "@shopwright/client";\nawait createShopClient({ url: "${closed}" }).trpc.catalog.categories.query();\n`,
    );
    const stderr = await run(process.execPath, ["unreachable.mjs"], { cwd: app }).then(
      () => "it did not fail",
      (error: { stderr: string }) => error.stderr,
    );
    const line = `[NetworkError: Could not reach the shop at ${closed}: connect ECONNREFUSED ${closed.slice("http://".length)}]`;
    expect(stderr.split("\n")).toContain(line);
    // Node's own frame around it: where the rejection surfaced, and its version.
    expect(stderr.trim().split("\n").length, stderr).toBeLessThanOrEqual(7);
  });
});
