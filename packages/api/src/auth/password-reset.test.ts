import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendPasswordResetEmail } from "../notifications/password-reset-email.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import { createCaller, createTestContext, testConfig } from "../testing/index.ts";

describe(`forgot password on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  let seq = 0;
  const PASSWORD = "correct horse battery";
  const NEW_PASSWORD = "a brand new passphrase";
  const client = (options: { ip?: string; rateLimits?: boolean } = {}) =>
    createCaller(
      createTestContext(db, {
        req: { ip: options.ip ?? `198.51.100.${++seq % 250}` },
        config: { rateLimits: options.rateLimits ?? false },
      }),
    ).auth;

  async function account() {
    const email = `reset${++seq}-${Date.now()}@example.com`;
    const signedIn = await client().register({ email, password: PASSWORD, name: "Ada", tokenDelivery: "body" });
    return { email, ...signedIn };
  }

  /** Runs the jobs the requests enqueued, as the worker would, and returns what was mailed. */
  async function deliver(email: string) {
    const mailer = recordingMailer();
    const jobs = (await queuedJobs(db, "send_password_reset")).filter((j) => j.payload.email === email);
    const results = [];
    for (const job of jobs) {
      const payload = taskPayloads.send_password_reset.parse(job.payload);
      results.push(await sendPasswordResetEmail({ db, config: testConfig, mailer }, payload));
    }
    const tokens = mailer.sent.map((m) => /reset-password#token=([\w-]+)/.exec(m.text)?.[1] ?? "");
    return { mailer, results, tokens };
  }

  const loginWorks = (email: string, password: string) =>
    client()
      .login({ email, password })
      .then(() => true)
      .catch(() => false);

  it("emails a single-use link that sets the password and ends every session", async () => {
    const { email, refreshToken } = await account();
    expect(await client().requestPasswordReset({ email: ` ${email.toUpperCase()} ` })).toEqual({ ok: true });
    const { mailer, tokens } = await deliver(email);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: email, subject: "Reset your Shopwright password" });
    const [token] = tokens;
    // 256 bits, base64url; the table keeps only its hash, and the job only the seed it came from.
    expect(Buffer.from(token!, "base64url")).toHaveLength(32);
    const stored = await db.orm.select().from(authTables(db).passwordResets);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await queuedJobs(db, "send_password_reset"))).not.toContain(token);

    expect(await client().resetPassword({ token: token!, password: NEW_PASSWORD })).toEqual({ ok: true });
    expect(await loginWorks(email, PASSWORD)).toBe(false);
    expect(await loginWorks(email, NEW_PASSWORD)).toBe(true);
    await expect(client().refresh({ refreshToken })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    // Used once: the same link again changes nothing.
    await expect(client().resetPassword({ token: token!, password: "yet another passphrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await loginWorks(email, NEW_PASSWORD)).toBe(true);
  });

  it("answers and mails an unknown address by the same path, telling it no account has it, with no link", async () => {
    const known = await account();
    const email = `nobody${++seq}@example.com`;
    expect(await client().requestPasswordReset({ email })).toEqual({ ok: true });
    await client().requestPasswordReset({ email: known.email });
    const unknown = await deliver(email);
    const holder = await deliver(known.email);
    // The job's outcome, and so its log lines, are alike; only the mail's words differ.
    expect(unknown.results).toEqual([
      { status: "sent", messageId: expect.any(String), providerMessageId: expect.any(String) },
    ]);
    expect(holder.results).toEqual([
      { status: "sent", messageId: expect.any(String), providerMessageId: expect.any(String) },
    ]);
    expect(unknown.mailer.sent).toEqual([
      expect.objectContaining({
        to: email,
        subject: holder.mailer.sent[0]!.subject,
        text: expect.stringMatching(/no account/),
      }),
    ]);
    expect(unknown.tokens).toEqual([""]);
  });

  it("refuses an expired link, a made-up one and a bad new password, changing nothing", async () => {
    const { email } = await account();
    await client().requestPasswordReset({ email });
    const { tokens } = await deliver(email);
    const token = tokens[0]!;
    await expect(client().resetPassword({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(client().resetPassword({ token, password: " ".repeat(10) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(client().resetPassword({ token, password: email })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(client().resetPassword({ token, password: "password123" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/most common/),
    });
    await expect(client().resetPassword({ token: "A".repeat(43), password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { passwordResets, users } = authTables(db);
    const [user] = await db.orm.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db.orm
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(passwordResets.userId, user!.id));
    await expect(client().resetPassword({ token, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/expired/),
    });
    expect(await loginWorks(email, PASSWORD)).toBe(true);
    const unused = await db.orm.select().from(passwordResets).where(isNull(passwordResets.usedAt));
    expect(unused.filter((r) => r.userId === user!.id)).toHaveLength(1);
  });

  it("changes only the account the link was sent to", async () => {
    const a = await account();
    const b = await account();
    await client().requestPasswordReset({ email: a.email });
    const { tokens } = await deliver(a.email);
    await client().resetPassword({ token: tokens[0]!, password: NEW_PASSWORD });
    expect(await loginWorks(a.email, NEW_PASSWORD)).toBe(true);
    expect(await loginWorks(b.email, NEW_PASSWORD)).toBe(false);
    expect(await loginWorks(b.email, PASSWORD)).toBe(true);
  });

  it("limits requests per address with a retry-after, known account or not", async () => {
    const ip = `192.0.2.${++seq % 250}`;
    for (let i = 0; i < 20; i++) {
      await client({ ip, rateLimits: true }).requestPasswordReset({ email: `limited${++seq}@example.com` });
    }
    const error = await client({ ip, rateLimits: true })
      .requestPasswordReset({ email: `limited${++seq}@example.com` })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(
      (error as { cause?: { details?: { retryAfterSeconds: number } } }).cause?.details?.retryAfterSeconds,
    ).toBeGreaterThan(0);
  });

  it("never refuses the holder because strangers asked for their email, and mails them a working link", async () => {
    const { email } = await account();
    const stranger = "203.0.113.66";
    for (let i = 0; i < 5; i++) await client({ ip: stranger, rateLimits: true }).requestPasswordReset({ email });
    for (let i = 0; i < 5; i++) await client({ rateLimits: true }).requestPasswordReset({ email });
    expect(await client({ ip: "198.18.0.1", rateLimits: true }).requestPasswordReset({ email })).toEqual({ ok: true });
    const { mailer, tokens } = await deliver(email);
    // The holder's mailbox is not flooded, and any link in it works.
    expect(mailer.sent).toHaveLength(3);
    await client().resetPassword({ token: tokens.at(-1)!, password: NEW_PASSWORD });
    expect(await loginWorks(email, NEW_PASSWORD)).toBe(true);
  });
});
