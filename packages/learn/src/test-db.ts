/** For the experiments' tests: a fresh Postgres database per test file, dropped after it. */
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll } from "vitest";
import { openShipping } from "./shop.ts";

type TestDb = Awaited<ReturnType<typeof createPostgresTestDb>>;

/** Call at a test file's top level; the function it returns gives the database inside tests. */
export function useTestDb(): () => TestDb {
  let db: TestDb | undefined;
  beforeAll(async () => {
    // As many connections as the scratch database of `pnpm learn`, for the concurrency experiments.
    db = await createPostgresTestDb({ max: 24 });
    await openShipping(db);
  });
  afterAll(() => db?.close());
  return () => {
    if (!db) throw new Error("useTestDb's database is only there inside tests");
    return db;
  };
}
