import { createPostgresDb, type PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hitRateLimit } from "./rate-limit.ts";

let db: PostgresDb & { url: string };
let otherProcess: PostgresDb;
beforeAll(async () => {
  db = await createPostgresTestDb({ max: 10 });
  otherProcess = createPostgresDb(db.url, { max: 10 });
});
afterAll(async () => {
  await otherProcess.close();
  await db.close();
});

it("shares one count between server processes hitting the same key at once", async () => {
  const rule = { limit: 25, windowSeconds: 60 };
  const now = new Date();
  const hits = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      hitRateLimit(i % 2 ? db : otherProcess, "login:email:x@example.com", rule, now),
    ),
  );
  expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(hits.filter((h) => h.allowed)).toHaveLength(25);
});
