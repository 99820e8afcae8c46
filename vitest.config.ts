import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * One run, several projects. Service and procedure tests (`packages/{db,api,jobs,learn}`) run once per
 * dialect — SQLite in memory and a real Postgres — and vitest prints each result under its
 * dialect's name. `*.pg.test.ts` files prove real concurrency and run on Postgres only. HTTP tests
 * (`apps/server`) and browser tests (`apps/*\/e2e`) run against Postgres. The Postgres server is
 * TEST_DATABASE_URL when set, else an embedded one the global setup starts for the run.
 */
const globalSetup = ["packages/db/src/testing/global-setup.ts"];
const serviceTests = ["packages/{db,api,jobs,learn}/src/**/*.test.ts"];
const postgresOnly = ["**/*.pg.test.ts"];
/** Tests that need no test database of their own run once, not once per dialect. */
const unitTests = [
  "packages/client/src/**/*.test.ts",
  "packages/*/src/**/*.unit.test.ts",
  "scripts/*.unit.test.ts",
  "packages/api/reference/*.unit.test.ts",
  "examples/csv.test.ts",
];

const dialect = (name: "sqlite" | "postgres"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: serviceTests,
    exclude: ["**/node_modules/**", ...unitTests, ...(name === "postgres" ? [] : postgresOnly)],
    env: { TEST_DIALECT: name },
    globalSetup,
  },
});

export default defineConfig({
  test: {
    // Most tests wait on a database or a child process, so one worker more than the two cores this
    // project is built on halves the run.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The AWS SDK warns on Node 20 that its releases from 2027 on will need Node 22: news for whoever
    // upgrades the pinned SDK, not a test outcome, and it interleaved a dozen lines into the output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      dialect("sqlite"),
      dialect("postgres"),
      {
        extends: true,
        test: {
          name: "http",
          include: ["apps/server/src/**/*.test.ts", "apps/server/test/**/*.test.ts"],
          env: { TEST_DIALECT: "postgres" },
          globalSetup,
        },
      },
      {
        extends: true,
        test: { name: "unit", include: unitTests },
      },
      {
        extends: true,
        test: {
          name: "ui",
          include: ["apps/storefront/src/**/*.test.tsx", "apps/admin/src/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["apps/storefront/src/test-utils/search-element.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["apps/*/e2e/**/*.test.ts", "examples/examples.test.ts", "packages/client/test/outsider.test.ts"],
          env: { TEST_DIALECT: "postgres" },
          globalSetup: [...globalSetup, "apps/server/test/e2e/build-apps.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
