import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * One run, several projects. Service and procedure tests (`packages/{db,api,jobs}`) run once per
 * dialect — SQLite in memory, PGlite in-process, and a real Postgres when TEST_DATABASE_URL is
 * set — and vitest prints each result under its dialect's name. `*.pg.test.ts` files prove real
 * concurrency and run on the Postgres server only. HTTP tests (`apps/server`) and browser tests
 * (`apps/*\/e2e`) run against Postgres when it is there, else the embedded database.
 */
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const globalSetup = ["packages/db/src/testing/global-setup.ts"];
const serviceTests = ["packages/{db,api,jobs}/src/**/*.test.ts"];
const postgresOnly = ["**/*.pg.test.ts"];
/** Tests that need no test database of their own run once, not once per dialect. */
const unitTests = ["packages/client/src/**/*.test.ts", "packages/*/src/**/*.unit.test.ts", "examples/csv.test.ts"];

const dialect = (name: "sqlite" | "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: serviceTests,
    exclude: ["**/node_modules/**", ...unitTests, ...(name === "postgres" ? [] : postgresOnly)],
    env: { TEST_DIALECT: name },
    globalSetup,
  },
});

const serverDialect = hasPostgres ? "postgres" : "pglite";

export default defineConfig({
  test: {
    // Most tests wait on a database or a child process, so one worker more than the two cores this
    // project is built on halves the run.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      dialect("sqlite"),
      dialect("pglite"),
      ...(hasPostgres ? [dialect("postgres")] : []),
      {
        extends: true,
        test: {
          name: `http (${serverDialect})`,
          include: ["apps/server/src/**/*.test.ts", "apps/server/test/**/*.test.ts"],
          env: { TEST_DIALECT: serverDialect },
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
        },
      },
      {
        extends: true,
        test: {
          name: `e2e (${serverDialect})`,
          include: ["apps/*/e2e/**/*.test.ts", "examples/examples.test.ts"],
          env: { TEST_DIALECT: serverDialect },
          globalSetup: [...globalSetup, "apps/server/test/e2e/build-spas.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
