/**
 * The architecture's executable summary (docs/architecture.md explains each rule). `pnpm check:deps`
 * runs it in CI; scripts/dependency-rules.unit.test.ts proves it fails on a planted back-import.
 */

const API = "^packages/api/src/";

/**
 * The api's domains from the bottom up: a domain imports only domains in tiers below its own
 * (domains sharing a tier would not import each other either). The audit log names its actors by
 * email, so it sits above auth; the catalog and orders record into it.
 */
const DOMAIN_TIERS = [
  ["auth"],
  ["audit"],
  ["catalog"],
  ["pricing"],
  ["cart"],
  ["orders"],
  ["payments"],
  ["notifications"],
];

/**
 * Files that only support tests: test files, test harnesses, testing modules, benchmarks, and the
 * `pnpm learn` experiments (a harness that drives the shop the way its tests do; never shipped).
 */
const TEST_SUPPORT = [
  "\\.test\\.tsx?$",
  "(^|/)(testing|test|test-utils|e2e|bench)/",
  "^vitest\\.config\\.ts$",
  "^packages/learn/",
];

/**
 * The tables each part of the api owns (`@shopwright/db/tables/<owner>`): the domains, and the
 * kernel's audit log and rate limits. Another owner's data is reached through that owner's
 * functions, or a port when the owner sits above. The mail catcher's mailbox is a tool's table the
 * notifications domain reads and writes for it.
 */
const TABLE_OWNERS = {
  auth: ["auth"],
  catalog: ["catalog"],
  cart: ["cart"],
  orders: ["orders"],
  payments: ["payments"],
  pricing: ["pricing"],
  notifications: ["notifications", "mail-catcher"],
  audit: ["audit"],
  lib: ["rate-limits"],
};

const TABLES = "^packages/db/src/tables/";

/** The api's kernel: what every domain builds on (errors, config, logging, the context and procedure tiers, lib, media). */
const KERNEL = `${API}((errors|client-errors|config|logger|http-names|context|task-deps|trpc)\\.ts$|(lib|media)/)`;

const folders = (names) => `${API}(${names.join("|")})/`;

const domainRules = DOMAIN_TIERS.flatMap((tier, level) =>
  tier.map((domain) => {
    const notBelow = DOMAIN_TIERS.slice(level)
      .flat()
      .filter((other) => other !== domain);
    return {
      name: `${domain}-imports-downward`,
      comment: `${domain} may import only domains below it (${DOMAIN_TIERS.slice(0, level).flat().join(", ") || "none"}); a reaction upward is a port or an event`,
      severity: "error",
      from: { path: `${API}${domain}/`, pathNot: TEST_SUPPORT },
      to: { path: folders(notBelow) },
    };
  }),
);

const tableRules = Object.entries(TABLE_OWNERS).map(([folder, owned]) => ({
  name: `${folder}-uses-own-tables`,
  comment: `${folder} queries only its own tables (${owned.join(", ")}); another owner's data comes through its functions`,
  severity: "error",
  from: { path: `${API}${folder}/`, pathNot: TEST_SUPPORT },
  to: { path: TABLES, pathNot: `${TABLES}(${owned.join("|")}|owner)\\.ts$` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle makes two modules one; domains depend one way",
      severity: "error",
      from: { pathNot: TEST_SUPPORT },
      to: { circular: true, viaOnly: { pathNot: TEST_SUPPORT } },
    },
    ...domainRules,
    ...tableRules,
    {
      name: "composition-uses-no-tables",
      comment: "The root router, the admin and task compositions and the kernel's other files own no tables",
      severity: "error",
      from: {
        path: API,
        pathNot: [folders(Object.keys(TABLE_OWNERS)), ...TEST_SUPPORT],
      },
      to: { path: TABLES },
    },
    {
      name: "tables-through-their-owner",
      comment: "Outside packages/db, tables come from `@shopwright/db/tables/<owner>`, never from the schema modules",
      severity: "error",
      from: { path: "^(packages|apps)/", pathNot: "^packages/db/" },
      to: { path: "^packages/db/src/schema/" },
    },
    {
      name: "domains-below-composition",
      comment:
        "Domains never import what composes them: the root router, the admin composition, the task list (all of tasks/), the package entry points",
      severity: "error",
      from: { path: folders(DOMAIN_TIERS.flat()), pathNot: TEST_SUPPORT },
      to: { path: [`${API}(root|server|index)\\.ts$`, `${API}admin/`, `${API}tasks/`] },
    },
    {
      name: "kernel-imports-no-domain",
      comment:
        "Errors, config, logging, the context, money, listing and media serve every domain and know none; what they need of a domain comes through a port that root.ts fills",
      severity: "error",
      from: { path: KERNEL, pathNot: TEST_SUPPORT },
      to: { path: API, pathNot: KERNEL },
    },
    {
      name: "spa-imports-client-and-ui-only",
      comment:
        "The SPAs reach the server only through @shopwright/client and share components only through @shopwright/ui",
      severity: "error",
      from: { path: "^apps/(storefront|admin)/", pathNot: TEST_SUPPORT },
      to: { path: "^(packages|apps)/", pathNot: ["^packages/(client|ui)/", "^apps/$1/"] },
    },
    {
      name: "leaf-packages-import-nothing",
      comment:
        "@shopwright/routes and @shopwright/address are facts the server, its emails and the SPAs share: they import no other package, so a browser bundle can take them",
      severity: "error",
      from: { path: "^packages/(routes|address)/" },
      to: { path: "^(packages|apps)/", pathNot: "^packages/$1/" },
    },
    {
      name: "db-imports-nothing-above",
      comment: "packages/db is the bottom layer: the api, jobs and apps build on it, never the reverse",
      severity: "error",
      from: { path: "^packages/db/" },
      to: { path: "^(packages/(api|jobs|client|ui)|apps)/" },
    },
    {
      name: "jobs-below-api",
      comment: "packages/jobs sits between db and api",
      severity: "error",
      from: { path: "^packages/jobs/" },
      to: { path: "^(packages/(api|client|ui)|apps)/" },
    },
    {
      name: "testing-modules-only-in-tests",
      comment: "Test helpers live in testing modules, and production code never imports them",
      severity: "error",
      from: { path: "^(packages|apps)/", pathNot: TEST_SUPPORT },
      to: { path: "^packages/[^/]+/src/(testing/|.*/testing/)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "/dist/"] },
    tsPreCompilationDeps: true,
    // Workspace packages export their TypeScript sources (`exports` in each package.json).
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
