/**
 * The dependency rules (.dependency-cruiser.cjs) run against the real tree, and against a small
 * tree with one planted violation per rule, to show each rule can fail.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const config = join(root, ".dependency-cruiser.cjs");

/** Runs the check exactly as `pnpm check:deps` does, in `cwd`: its exit code and its violations as "rule: from". */
function cruise(cwd: string, paths: string[]) {
  const run = spawnSync(process.execPath, [cli, "--config", config, ...paths], { cwd, encoding: "utf8" });
  const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+) →/gm)].map(([, rule, from]) => `${rule}: ${from}`);
  return { status: run.status, output: run.stdout, violations: violations.sort() };
}

const fixture = mkdtempSync(join(tmpdir(), "dependency-rules-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

/** Writes `files` (path → source) under the fixture. */
function plant(files: Record<string, string>) {
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), source);
  }
}

describe("dependency rules", () => {
  it("pass on the real tree", () => {
    const result = cruise(root, ["apps", "packages"]);
    expect(result.output).toContain("no dependency violations found");
    expect(result.status).toBe(0);
  });

  it("fail on a back-import, naming the rule each planted import breaks, and let downward imports be", () => {
    plant({
      "packages/api/src/errors.ts": "export const oops = 1;\n",
      // Downward, allowed: orders uses the catalog and the kernel.
      "packages/api/src/catalog/stock.ts": 'import { oops } from "../errors.ts";\nexport const stock = oops;\n',
      "packages/api/src/orders/checkout.ts":
        'import { stock } from "../catalog/stock.ts";\nexport const order = stock;\n',
      // Upward: the catalog reaching into orders, auth into the cart.
      "packages/api/src/catalog/back.ts":
        'import { order } from "../orders/checkout.ts";\nexport const back = order;\n',
      "packages/api/src/cart/merge.ts": "export const merge = 1;\n",
      "packages/api/src/auth/service.ts": 'import { merge } from "../cart/merge.ts";\nexport const signIn = merge;\n',
      // A cycle between two modules of one domain.
      "packages/api/src/payments/a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
      "packages/api/src/payments/b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
      // The database layer reaching up, a SPA reaching past the client, production code using a test helper.
      "packages/db/src/client.ts":
        'import { order } from "../../api/src/orders/checkout.ts";\nexport const db = order;\n',
      "apps/admin/src/page.ts":
        'import { order } from "../../../packages/api/src/orders/checkout.ts";\nexport const p = order;\n',
      "packages/db/src/testing/index.ts": "export const testDb = 1;\n",
      "packages/jobs/src/enqueue.ts":
        'import { testDb } from "../../db/src/testing/index.ts";\nexport const q = testDb;\n',
      // Tables: the cart querying its own (allowed) and the catalog's; the root router any; an app the schema.
      "packages/db/src/schema/catalog/pg.ts": "export const products = 1;\n",
      "packages/db/src/tables/catalog.ts":
        'import { products } from "../schema/catalog/pg.ts";\nexport const catalogTables = () => ({ products });\n',
      "packages/db/src/tables/cart.ts": "export const cartTables = () => ({ carts: 1 });\n",
      "packages/api/src/cart/totals.ts":
        'import { cartTables } from "../../../db/src/tables/cart.ts";\nimport { catalogTables } from "../../../db/src/tables/catalog.ts";\nexport const lines = [cartTables, catalogTables];\n',
      "packages/api/src/root.ts":
        'import { cartTables } from "../../db/src/tables/cart.ts";\nexport const root = cartTables;\n',
      "apps/server/src/mockpay.ts":
        'import { products } from "../../../packages/db/src/schema/catalog/pg.ts";\nexport const m = products;\n',
    });
    const result = cruise(fixture, ["apps", "packages"]);
    expect(result.status).not.toBe(0);
    expect(result.violations).toEqual(
      [
        "auth-imports-downward: packages/api/src/auth/service.ts",
        "cart-uses-own-tables: packages/api/src/cart/totals.ts",
        "composition-uses-no-tables: packages/api/src/root.ts",
        "tables-through-their-owner: apps/server/src/mockpay.ts",
        "catalog-imports-downward: packages/api/src/catalog/back.ts",
        "db-imports-nothing-above: packages/db/src/client.ts",
        "no-circular: packages/api/src/payments/a.ts",
        "spa-imports-client-and-ui-only: apps/admin/src/page.ts",
        "testing-modules-only-in-tests: packages/jobs/src/enqueue.ts",
      ].sort(),
    );
  });
});
