import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmailChangeNotice, sendEmailVerificationEmail } from "../notifications/email-verification-email.ts";
import { recordingMailer } from "../notifications/testing/mailer.ts";
import { createProduct, openShipping, testAddress } from "../testing/fixtures.ts";
import { createCaller, createSignedInUser, createTestContext, testConfig } from "../testing/index.ts";

describe(`verified emails on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  let seq = 0;
  const PASSWORD = "correct horse battery";
  const guest = (rateLimits = false) =>
    createCaller(createTestContext(db, { req: { ip: `198.51.100.${++seq % 250}` }, config: { rateLimits } })).auth;
  const signedIn = (accessToken: string, rateLimits = false) =>
    createCaller(createTestContext(db, { req: { accessToken }, config: { rateLimits } })).auth;

  async function account() {
    const email = `verify${++seq}-${Date.now()}@example.com`;
    const { accessToken, user } = await guest().register({ email, password: PASSWORD, name: "Ada" });
    return { email, accessToken, userId: user.id, auth: signedIn(accessToken) };
  }

  /** Runs the user's queued verification jobs as the worker would; the links mailed, by address. */
  async function deliver(userId: string) {
    const mailer = recordingMailer();
    const jobs = (await queuedJobs(db, "send_email_verification")).filter((j) => j.payload.userId === userId);
    const results = [];
    for (const job of jobs) {
      const payload = taskPayloads.send_email_verification.parse(job.payload);
      results.push(await sendEmailVerificationEmail({ db, config: testConfig, mailer }, payload));
    }
    const links = mailer.sent.map((m) => ({ to: m.to, token: /verify-email#token=([\w-]+)/.exec(m.text)?.[1] ?? "" }));
    return { mailer, results, links };
  }

  const linkTo = async (userId: string, email: string) => {
    const { links } = await deliver(userId);
    const token = links.filter((l) => l.to === email).at(-1)?.token;
    if (!token) throw new Error(`no link was mailed to ${email}`);
    return token;
  };

  const signInWorks = (email: string) =>
    guest()
      .login({ email, password: PASSWORD })
      .then(() => true)
      .catch(() => false);

  it("registration emails a single-use link; following it verifies the account", async () => {
    const { email, userId, auth } = await account();
    expect((await auth.me()).emailVerified).toBe(false);
    const { mailer, links } = await deliver(userId);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: email, subject: "Confirm your email for Shopwright" });
    const token = links[0]!.token;
    // 256 bits; the table keeps only its hash, and the job only the seed it came from.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await db.orm.select().from(authTables(db).emailVerifications);
    expect(stored.some((row) => row.userId === userId)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await queuedJobs(db, "send_email_verification"))).not.toContain(token);

    expect(await guest().verifyEmail({ token })).toEqual({ ok: true });
    expect((await auth.me()).emailVerified).toBe(true);
    await expect(guest().verifyEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already used/),
    });
    expect((await auth.me()).emailVerified).toBe(true);
  });

  it("an unverified account still signs in, fills a cart and checks out", async () => {
    const { email, accessToken } = await account();
    expect(await signInWorks(email)).toBe(true);
    const shopper = createCaller(createTestContext(db, { req: { accessToken }, config: { rateLimits: false } }));
    const product = await createProduct(db, { stock: 3 });
    await shopper.cart.addItem({ productId: product.id, quantity: 1 });
    const { order } = await shopper.orders.checkout({
      idempotencyKey: `unverified-${seq}`,
      shippingAddress: testAddress,
    });
    expect(order.status).toBe("placed");
    expect((await shopper.auth.me()).emailVerified).toBe(false);
  });

  it("a re-sent link works and retires the other; verifying again is harmless; a verified account gets no more links", async () => {
    const { userId, auth } = await account();
    expect(await auth.requestEmailVerification()).toEqual({ ok: true });
    const { links } = await deliver(userId);
    expect(links).toHaveLength(2);
    await guest().verifyEmail({ token: links[1]!.token });
    const [first] = await db.orm
      .select({ at: authTables(db).users.emailVerifiedAt })
      .from(authTables(db).users)
      .where(eq(authTables(db).users.id, userId));
    // The first link went with the second: the address has nothing left to prove.
    await expect(guest().verifyEmail({ token: links[0]!.token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const jobsOf = async () =>
      (await queuedJobs(db, "send_email_verification")).filter((j) => j.payload.userId === userId).length;
    const queued = await jobsOf();
    expect(await auth.requestEmailVerification()).toEqual({ ok: true });
    expect(await jobsOf()).toBe(queued);
    const [after] = await db.orm
      .select({ at: authTables(db).users.emailVerifiedAt })
      .from(authTables(db).users)
      .where(eq(authTables(db).users.id, userId));
    expect(after!.at).toEqual(first!.at);
  });

  it("refuses an expired or made-up link, changing nothing, and offers a new one", async () => {
    const { userId, auth } = await account();
    const token = await linkTo(userId, (await auth.me()).email);
    await db.orm
      .update(authTables(db).emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(authTables(db).emailVerifications.userId, userId));
    for (const attempt of [token, "A".repeat(43)]) {
      await expect(guest().verifyEmail({ token: attempt })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/expired.*Ask for a new one/),
      });
    }
    await expect(guest().verifyEmail({ token: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await auth.me()).emailVerified).toBe(false);
  });

  it("an expired link is not mailed by a job that runs late", async () => {
    const { userId } = await account();
    await db.orm
      .update(authTables(db).emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(authTables(db).emailVerifications.userId, userId));
    const { mailer, results } = await deliver(userId);
    expect(results).toEqual([{ status: "no_longer_needed" }]);
    expect(mailer.sent).toEqual([]);
  });

  it("limits links per account, and one account's requests spend nothing of another's", async () => {
    const limited = signedIn((await account()).accessToken, true);
    for (let i = 0; i < 5; i++) await limited.requestEmailVerification();
    await expect(limited.requestEmailVerification()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await signedIn((await account()).accessToken, true).requestEmailVerification()).toEqual({ ok: true });
  });

  it("the admin's customer list says who is verified", async () => {
    const verified = await account();
    await guest().verifyEmail({ token: await linkTo(verified.userId, verified.email) });
    const unverified = await account();
    const { caller } = await createSignedInUser(db, { role: "admin" });
    const list = await caller.admin.customers.list({ q: "verify", page: 1, pageSize: 100 });
    const byEmail = new Map(list.items.map((c) => [c.email, c.emailVerifiedAt]));
    expect(byEmail.get(verified.email)).toBeInstanceOf(Date);
    expect(byEmail.get(unverified.email)).toBeNull();
    const onlyUnverified = await caller.admin.customers.list({ verified: false, page: 1, pageSize: 100 });
    expect(onlyUnverified.items.map((c) => c.email)).toContain(unverified.email);
    expect(onlyUnverified.items.map((c) => c.email)).not.toContain(verified.email);
  });

  describe("changing the email", () => {
    const newAddress = () => `moved${++seq}-${Date.now()}@example.com`;

    it("takes effect only when the link sent to the new address is followed; the old address is told", async () => {
      const { email, userId, auth } = await account();
      await guest().verifyEmail({ token: await linkTo(userId, email) });
      const next = newAddress();
      expect(await auth.requestEmailChange({ newEmail: ` ${next.toUpperCase()} `, password: PASSWORD })).toEqual({
        ok: true,
      });
      // Not yet: the account keeps its old, verified address, and signs in with it alone.
      expect(await auth.me()).toMatchObject({ email, emailVerified: true });
      const { caller: admin } = await createSignedInUser(db, { role: "admin" });
      expect(await admin.admin.customers.byId({ id: userId })).toMatchObject({ email, pendingEmail: next });
      expect(await signInWorks(email)).toBe(true);
      expect(await signInWorks(next)).toBe(false);

      const [notice] = (await queuedJobs(db, "send_email_change_notice")).filter((j) => j.payload.email === email);
      const mailer = recordingMailer();
      await sendEmailChangeNotice(
        { db, config: testConfig, mailer },
        taskPayloads.send_email_change_notice.parse(notice!.payload),
      );
      expect(mailer.sent).toEqual([expect.objectContaining({ to: email, text: expect.stringContaining(next) })]);

      await guest().verifyEmail({ token: await linkTo(userId, next) });
      expect(await auth.me()).toMatchObject({ email: next, emailVerified: true });
      expect(await signInWorks(next)).toBe(true);
      expect(await signInWorks(email)).toBe(false);
      expect(await admin.admin.customers.byId({ id: userId })).toMatchObject({ email: next, pendingEmail: null });
    });

    it("asks for the password, refuses a taken or unchanged address, and changes nothing then", async () => {
      const { email, auth } = await account();
      const taken = (await account()).email;
      await expect(
        auth.requestEmailChange({ newEmail: newAddress(), password: "wrong password" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The password is incorrect" });
      await expect(auth.requestEmailChange({ newEmail: taken, password: PASSWORD })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      await expect(auth.requestEmailChange({ newEmail: email, password: PASSWORD })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(auth.requestEmailChange({ newEmail: "not an email", password: PASSWORD })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect(await queuedJobs(db, "send_email_change_notice")).not.toContainEqual(
        expect.objectContaining({ payload: expect.objectContaining({ email }) }),
      );
      expect((await auth.me()).email).toBe(email);
    });

    it("a newer request, or a password change, retires the waiting link; a link to the old address cannot move it back", async () => {
      const { email, userId, auth } = await account();
      const oldLink = await linkTo(userId, email);
      const first = newAddress();
      const second = newAddress();
      await auth.requestEmailChange({ newEmail: first, password: PASSWORD });
      const firstLink = await linkTo(userId, first);
      await auth.requestEmailChange({ newEmail: second, password: PASSWORD });
      const secondLink = await linkTo(userId, second);
      await expect(guest().verifyEmail({ token: firstLink })).rejects.toMatchObject({ code: "BAD_REQUEST" });

      await auth.changePassword({ currentPassword: PASSWORD, newPassword: "another long passphrase" });
      await expect(guest().verifyEmail({ token: secondLink })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect((await auth.me()).email).toBe(email);

      const third = newAddress();
      await auth.requestEmailChange({ newEmail: third, password: "another long passphrase" });
      await guest().verifyEmail({ token: await linkTo(userId, third) });
      await expect(guest().verifyEmail({ token: oldLink })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await auth.me()).toMatchObject({ email: third, emailVerified: true });
    });

    it("an address taken by another account while the link waited is refused, and the email stays", async () => {
      const { email, userId, auth } = await account();
      const next = newAddress();
      await auth.requestEmailChange({ newEmail: next, password: PASSWORD });
      const token = await linkTo(userId, next);
      await guest().register({ email: next, password: PASSWORD, name: "Eve" });
      await expect(guest().verifyEmail({ token })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/Another account now uses this email/),
      });
      expect(await auth.me()).toMatchObject({ email, emailVerified: false });
    });
  });
});
