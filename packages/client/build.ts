/**
 * Builds what `pnpm pack` ships (`dist/`): JavaScript bundles that import only @trpc/client,
 * @trpc/server and superjson, and declaration files that import nothing else either. Inside the
 * workspace the client is used from its source and none of this runs.
 *
 *   dist/index.js, routes.js,   the source bundled by esbuild, with the few constants, page
 *     address.js                routes and address rules it takes from the workspace inlined
 *   dist/*.d.ts                 TypeScript's own declarations of the client's modules, except:
 *   dist/shop-api.d.ts          the router's types written out whole (scripts/router-types.ts)
 *   dist/leaf/                  the declarations of the workspace modules that import nothing
 *                               (@shopwright/routes, @shopwright/address, the API's shared rules)
 *
 * The written-out router is then compiled against the real one, procedure by procedure: the build
 * fails, naming the procedure, if any input or output differs.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { readRouterTypes, routerDeclarations } from "../../scripts/router-types.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "dist");
const tsc = join(here, "node_modules/.bin/tsc");
/** What the published files may import: the package's runtime dependencies. */
const DEPENDENCIES = ["@trpc/client", "@trpc/server", "superjson"];

const run = promisify(execFile);

/** Runs TypeScript with the workspace's settings and these, from a tsconfig written into `work`. */
async function compile(work: string, name: string, config: Record<string, unknown>) {
  const tsconfig = join(work, `tsconfig.${name}.json`);
  writeFileSync(tsconfig, JSON.stringify({ extends: join(here, "../../tsconfig.base.json"), ...config }));
  try {
    await run(tsc, ["-p", tsconfig], { cwd: here });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc -p ${tsconfig} failed:\n${stdout}${stderr}`);
  }
}

const DECLARATIONS_ONLY = { noEmit: false, declaration: true, emitDeclarationOnly: true };

/** Workspace modules that import nothing of ours: the client re-exports them, and ships their declarations. */
const LEAF_MODULES = [
  { specifier: "@shopwright/routes", root: join(here, "../routes/src"), entry: "routes.ts", dir: "routes" },
  { specifier: "@shopwright/address", root: join(here, "../address/src"), entry: "index.ts", dir: "address" },
  { specifier: "@shopwright/api/rules", root: join(here, "../api/src"), entry: "shared-rules.ts", dir: "rules" },
];
const declarationOf = (entry: string) => entry.replace(/\.ts$/, ".d.ts");
const nodeTypes = join(here, "../../node_modules/@types");

async function main() {
  rmSync(dist, { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), "shopwright-client-build-"));
  try {
    const router = readRouterTypes({
      tsconfig: join(here, "tsconfig.json"),
      module: join(here, "src/shop-api.ts"),
      routerName: "AppRouter",
    });
    const procedures = router.procedures.map((procedure) => procedure.path);
    let shopApi: string;
    try {
      shopApi = routerDeclarations(router, "AppRouter");
    } finally {
      router.close();
    }
    const generated = join(work, "generated");
    mkdirSync(generated);
    writeFileSync(join(generated, "shop-api.d.ts"), shopApi);

    // Leaf modules of the workspace import nothing, so their own declarations stand alone; they
    // ship under dist/leaf/, and the client's modules that re-export them point there.
    for (const leaf of LEAF_MODULES) {
      await compile(work, leaf.dir, {
        compilerOptions: { ...DECLARATIONS_ONLY, rootDir: leaf.root, outDir: join(generated, leaf.dir), types: [] },
        files: [join(leaf.root, leaf.entry)],
      });
    }

    // The client's own declarations, with the workspace packages seen through the generated files.
    await compile(work, "client", {
      compilerOptions: {
        ...DECLARATIONS_ONLY,
        rootDir: join(here, "src"),
        outDir: dist,
        typeRoots: [nodeTypes],
        paths: {
          "@shopwright/api": [join(generated, "shop-api.d.ts")],
          "@shopwright/api/*": [join(generated, "shop-api.d.ts")],
          ...Object.fromEntries(
            LEAF_MODULES.map((leaf) => [leaf.specifier, [join(generated, leaf.dir, declarationOf(leaf.entry))]]),
          ),
        },
      },
      include: [join(here, "src")],
      exclude: [join(here, "src/**/*.test.ts")],
    });
    for (const leaf of LEAF_MODULES) {
      cpSync(join(generated, leaf.dir), join(dist, "leaf", leaf.dir), { recursive: true });
    }
    for (const file of distFiles()) {
      // TypeScript keeps the source's `./x.ts`; a published declaration names the file as it ships.
      let text = readFileSync(join(dist, file), "utf8").replace(/(["']\.\.?\/[\w/-]+)\.ts(["'])/g, "$1.js$2");
      for (const leaf of LEAF_MODULES) {
        text = text.replaceAll(`"${leaf.specifier}"`, `"./leaf/${leaf.dir}/${leaf.entry.replace(/\.ts$/, ".js")}"`);
      }
      writeFileSync(join(dist, file), text);
    }
    writeFileSync(join(dist, "shop-api.d.ts"), shopApi);

    await build({
      entryPoints: {
        index: join(here, "src/index.ts"),
        routes: join(here, "src/routes.ts"),
        address: join(here, "src/address.ts"),
      },
      outdir: dist,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      external: DEPENDENCIES,
      logLevel: "warning",
    });

    assertSelfContained();
    await assertSameTypes(work, procedures);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The files of dist, as paths inside it. */
const distFiles = () =>
  readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dist.length + 1));

/** Every import in dist is a file of dist or a declared dependency: no workspace, no server package. */
function assertSelfContained() {
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;
  const stray: string[] = [];
  for (const file of distFiles()) {
    for (const [, module] of readFileSync(join(dist, file), "utf8").matchAll(specifier)) {
      const known = module!.startsWith(".") || DEPENDENCIES.some((d) => module === d || module!.startsWith(`${d}/`));
      if (!known) stray.push(`${file} imports ${module}`);
    }
  }
  if (stray.length > 0) throw new Error(`dist must import only its dependencies:\n  ${stray.join("\n  ")}`);
}

/**
 * Compiles, for every procedure, "the written-out input (and output) and the router's own accept
 * each other". A difference fails the build and names the procedure.
 */
async function assertSameTypes(work: string, procedures: string[]) {
  const access = (path: string) =>
    path
      .split(".")
      .map((segment) => `[${JSON.stringify(segment)}]`)
      .join("");
  const lines = [
    'import type { AppRouter as Source } from "@shopwright/api";',
    'import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";',
    `import type { AppRouter as Built } from ${JSON.stringify(join(dist, "shop-api.js"))};`,
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "type In<R extends Source | Built> = inferRouterInputs<R>;",
    "type Out<R extends Source | Built> = inferRouterOutputs<R>;",
  ];
  const checked = new Map<number, string>();
  for (const path of procedures) {
    for (const [side, infer] of [
      ["input", "In"],
      ["output", "Out"],
    ]) {
      checked.set(lines.length + 1, `${path} (${side})`);
      lines.push(
        `export const c${lines.length}: Same<${infer}<Source>${access(path)}, ${infer}<Built>${access(path)}> = true;`,
      );
    }
  }
  const file = join(here, `.same-types-${process.pid}.ts`);
  writeFileSync(file, lines.join("\n"));
  try {
    await compile(work, "check", { compilerOptions: { rootDir: here, typeRoots: [nodeTypes] }, files: [file] });
  } catch (error) {
    const differing = [...String((error as Error).message).matchAll(/\.ts\((\d+),\d+\)/g)].map(
      ([, line]) => checked.get(Number(line)) ?? `line ${line}`,
    );
    throw new Error(
      `The written-out router differs from the real one for: ${[...new Set(differing)].join(", ")}\n${(error as Error).message}`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
