/** A reset link used by many requests at once, on a Postgres server: one wins, the rest change nothing. */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendPasswordResetEmail } from "../notifications/password-reset-email.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import { createCaller, createTestContext, testConfig } from "../testing/index.ts";

describe("a password reset link on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
  });
  afterAll(() => db.close());

  it("is consumed by exactly one of many simultaneous resets", async () => {
    const auth = createCaller(createTestContext(db, { config: { rateLimits: false } })).auth;
    const email = `race-${Date.now()}@example.com`;
    await auth.register({ email, password: "correct horse battery", name: "Ada" });
    await auth.requestPasswordReset({ email });
    const [job] = (await queuedJobs(db, "send_password_reset")).filter((j) => j.payload.email === email);
    const mailer = recordingMailer();
    await sendPasswordResetEmail(
      { db, config: testConfig, mailer },
      taskPayloads.send_password_reset.parse(job!.payload),
    );
    const token = /#token=([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;
    const passwords = Array.from({ length: 8 }, (_, i) => `new passphrase number ${i}`);
    const results = await Promise.allSettled(passwords.map((password) => auth.resetPassword({ token, password })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [passwords[i]!] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "BAD_REQUEST" });
    }
    const login = (password: string) =>
      auth
        .login({ email, password })
        .then(() => true)
        .catch(() => false);
    expect(await login(won[0]!)).toBe(true);
    expect((await Promise.all(passwords.filter((p) => p !== won[0]).map(login))).some(Boolean)).toBe(false);
  });
});
