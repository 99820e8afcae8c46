/** vitest globalSetup: builds the template database for the project's dialect once per run. */
import type { TestProject } from "vitest/node";
import { ensurePgliteTemplate, ensurePostgresTemplate } from "./templates.ts";

export default async function setup(project: TestProject): Promise<void> {
  const dialect = project.config.env?.TEST_DIALECT;
  if (dialect === "pglite") await ensurePgliteTemplate();
  if (dialect === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set: the postgres test tier needs a server");
    await ensurePostgresTemplate(url);
  }
}
