/**
 * `pnpm --filter @shopwright/server build`: compiles the server and the worker to plain JavaScript
 * in dist/, so production runs `node dist/main.js` with no TypeScript loader in the process.
 *
 * The workspace's own packages (TypeScript sources) are bundled; every third-party package stays
 * external, imported at run time from the path esbuild resolved for it. That path is written
 * relative to dist/, as is every workspace module's `import.meta.url`, so files read next to the
 * sources (migrations, the seed's data) and packages installed for one workspace package alone
 * (pnpm links each package's dependencies into its own node_modules) are found as in development.
 */
import { readFile } from "node:fs/promises";
import { dirname, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const outdir = fileURLToPath(new URL("./dist", import.meta.url));

const fromOutdir = (path: string) => {
  const rel = relative(outdir, path).split(sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

const externalThirdParty: Plugin = {
  name: "external-third-party",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@shopwright/") || args.path.startsWith("node:") || args.pluginData?.resolving) {
        return undefined;
      }
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      // Node's own modules (`fs`, `events`) come back unresolved and marked external.
      if (resolved.external || !resolved.path) return { path: args.path, external: true };
      return { path: fromOutdir(resolved.path), external: true };
    });
  },
};

const workspaceImportMetaUrl: Plugin = {
  name: "workspace-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const original = `new URL(${JSON.stringify(fromOutdir(args.path))}, import.meta.url).href`;
      return { contents: source.replaceAll("import.meta.url", original), loader: "ts", resolveDir: dirname(args.path) };
    });
  },
};

await build({
  entryPoints: { main: "src/main.ts", "worker-main": "src/worker-main.ts", "migrate-main": "src/migrate-main.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [externalThirdParty, workspaceImportMetaUrl],
});
console.log(`Built the server into ${pathToFileURL(outdir).href}`);
