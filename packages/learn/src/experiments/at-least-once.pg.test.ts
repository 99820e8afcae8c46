import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runAtLeastOnce } from "./at-least-once.ts";

const testDb = useTestDb();

it("a job re-run after a worker crash sends twice the wrong way and once the shop's way; a poison job dies", async () => {
  const r = await runAtLeastOnce(testDb(), testDb().url);
  expect(r.naive.emails).toBe(2);
  expect(r.shop).toEqual({ emails: 1, recorded: "sent, 1 claim(s)" });
  expect(r.poison).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: expect.stringMatching(/not found/) });
  // A child worker process to start, plus graphile-worker's backoff between the poison job's
  // attempts (about 3 s, then 7 s): far more than the default allows on a busy 2-core machine.
}, 180_000);
