/**
 * vitest globalSetup for every project that needs Postgres: the server is `TEST_DATABASE_URL`
 * when set (CI), else one embedded Postgres started for the whole run, so the concurrency proofs
 * run on any machine. Either way the migrated template is built once, and tests learn the server's
 * URL through `inject("testDatabaseUrl")` (see ./index.ts).
 */
import type { TestProject } from "vitest/node";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../embedded.ts";
import { ensurePostgresTemplate } from "./templates.ts";

/** Shared by the projects of one run: they all set up in this one process. */
let server: Promise<{ url: string; embedded?: EmbeddedPostgres }> | undefined;
let users = 0;

async function startServer(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await ensurePostgresTemplate(url);
    return { url };
  }
  const embedded = await startEmbeddedPostgres({ maxConnections: 300 });
  await ensurePostgresTemplate(embedded.url);
  return { url: embedded.url, embedded };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  server ??= startServer();
  users += 1;
  project.provide("testDatabaseUrl", (await server).url);
  return async () => {
    users -= 1;
    if (users === 0) await (await server!).embedded?.stop();
  };
}
