/** One verification link followed by many requests at once, on a Postgres server: it acts once. */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmailVerificationEmail } from "../notifications/email-verification-email.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import { createCaller, createTestContext, testConfig } from "../testing/index.ts";
import { verifyEmail } from "./email-verification.ts";

describe("an email verification link on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
  });
  afterAll(() => db.close());

  it("is consumed by exactly one of many simultaneous verifications, which alone runs the verified hook", async () => {
    const auth = createCaller(createTestContext(db, { config: { rateLimits: false } })).auth;
    const email = `race-${Date.now()}@example.com`;
    const { user } = await auth.register({ email, password: "correct horse battery", name: "Ada" });
    const [job] = (await queuedJobs(db, "send_email_verification")).filter((j) => j.payload.userId === user.id);
    const mailer = recordingMailer();
    await sendEmailVerificationEmail(
      { db, config: testConfig, mailer },
      taskPayloads.send_email_verification.parse(job!.payload),
    );
    const token = /#token=([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;

    // What the hook will do for guest orders must happen once per link, so count its runs.
    const verified: string[] = [];
    const onVerified = async (_tx: unknown, v: { email: string }) => void verified.push(v.email);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => verifyEmail(db, { token }, { onVerified })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(verified).toEqual([email]);
  });
});
