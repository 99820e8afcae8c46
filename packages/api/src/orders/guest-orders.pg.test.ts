/**
 * Guest orders on a Postgres server: checkout without an account, the accounts an order finds (only
 * once they prove the address), "Find my order", the unpaid limits of guests, and bad input. Emails
 * go through a real SMTP server started here; links are read from the messages it accepted.
 */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyEmail } from "../auth/email-verification.ts";
import { sendEmailVerificationEmail } from "../notifications/email-verification-email.ts";
import { createSmtpMailer, type Mailer } from "../notifications/mailer.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../notifications/testing/smtp-server.ts";
import { createTaskHandlers } from "../tasks/index.ts";
import { createProduct, openShipping, testAddress } from "../testing/fixtures.ts";
import { createCaller, createTestContext, guestCaller, testConfig, testJobHelpers } from "../testing/index.ts";
import { attachGuestOrders } from "./guest-orders.ts";

let emails = 0;
const freshEmail = (what: string) => `${what}-${++emails}-${Date.now()}@example.com`;

describe("guest orders on a Postgres server", () => {
  let db: PostgresDb;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let productId: string;

  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer(smtp.url, { timeoutMs: 5_000 });
    productId = (await createProduct(db, { stock: 10_000, priceCents: 1_500 })).id;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.stop();
    await db.close();
  });

  /** A guest with a cart of `quantity` units, calling from `ip`. */
  async function guestWithCart(quantity = 1, ip = "198.51.100.1") {
    const { cartToken } = await guestCaller(db, { req: { ip } }).cart.addItem({ productId, quantity });
    return guestCaller(db, { req: { cartToken, ip } });
  }

  /** Each at a door of its own unless told, so the per-address limit counts only where a test means it. */
  async function guestCheckout(
    email: string,
    address = { ...testAddress, line1: `${++emails} Test Lane` },
    quantity = 1,
  ) {
    const guest = await guestWithCart(quantity);
    return guest.orders.checkout({
      idempotencyKey: `guest-${email}-${Math.random()}`,
      email,
      shippingAddress: address,
    });
  }

  /** An account registered through the API, signed in, its verification email not yet followed. */
  async function registered(email: string) {
    const open = createCaller(createTestContext(db, { config: { rateLimits: false } }));
    const { accessToken, user } = await open.auth.register({ email, password: "correct horse battery", name: "Ada" });
    const caller = createCaller(createTestContext(db, { config: { rateLimits: false }, req: { accessToken } }));
    return { user, caller };
  }

  /** Runs the account's queued verification jobs through SMTP and returns the links' tokens. */
  async function verificationTokens(userId: string) {
    const before = smtp.accepted.length;
    const jobs = (await queuedJobs(db, "send_email_verification")).filter((job) => job.payload.userId === userId);
    for (const job of jobs) {
      await sendEmailVerificationEmail(
        { db, config: testConfig, mailer },
        taskPayloads.send_email_verification.parse(job.payload),
      );
    }
    const mails = await smtp.waitForAccepted(before + jobs.length);
    return mails.slice(before).map((mail) => /#token=([\w-]+)/.exec(mail.text ?? "")![1]!);
  }

  const listed = async (caller: ReturnType<typeof createCaller>) =>
    (await caller.orders.list()).items.map((order) => order.id).sort();

  it("keeps a guest's order out of an unverified account with its email, and shows it there once verified", async () => {
    const email = freshEmail("ada");
    const { user, caller } = await registered(email);
    await caller.cart.addItem({ productId, quantity: 1 });
    // A signed-in checkout keeps the account's address whatever `email` says.
    const own = await caller.orders.checkout({
      idempotencyKey: "own-order-0001",
      shippingAddress: testAddress,
      email: "someone-else@example.com",
    });
    expect(own.orderToken).toBeNull();
    const { orders } = ordersTables(db);
    const [ownRow] = await db.orm.select({ email: orders.email }).from(orders).where(eq(orders.id, own.order.id));
    expect(ownRow?.email).toBe(email);

    const guest = await guestCheckout(email.toUpperCase());
    expect(await listed(caller)).toEqual([own.order.id]);
    await expect(caller.orders.byId({ id: guest.order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [token] = await verificationTokens(user.id);
    await createCaller(createTestContext(db)).auth.verifyEmail({ token: token! });
    expect((await caller.auth.me()).emailVerified).toBe(true);
    expect(await listed(caller)).toEqual([own.order.id, guest.order.id].sort());
    expect(await caller.orders.byId({ id: guest.order.id })).toMatchObject({ id: guest.order.id, status: "placed" });

    // Now that the account has proven the address, a guest order for it joins the account at once;
    // the guest's answer looks exactly like any guest's.
    const later = await guestCheckout(email);
    const stranger = await guestCheckout(freshEmail("nobody"));
    expect(Object.keys(later).sort()).toEqual(Object.keys(stranger).sort());
    expect(Object.keys(later.order).sort()).toEqual(Object.keys(stranger.order).sort());
    expect(later.orderToken).toEqual(expect.any(String));
    expect(await listed(caller)).toContain(later.order.id);
  });

  it("attaches each of an address's guest orders once when verifications race", async () => {
    const email = freshEmail("race");
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push((await guestCheckout(email)).order.id);
    const { user, caller } = await registered(email);
    await caller.auth.requestEmailVerification();
    const tokens = await verificationTokens(user.id);
    expect(tokens).toHaveLength(2);

    const attached: string[] = [];
    const onVerified = async (tx: Parameters<typeof attachGuestOrders>[0], v: { userId: string; email: string }) =>
      attached.push(...(await attachGuestOrders(tx, v)));
    const verifications = await Promise.allSettled(tokens.map((token) => verifyEmail(db, { token }, { onVerified })));
    expect(verifications.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The attaching itself, run by many transactions at once: nothing is attached twice.
    const again = await Promise.all(
      Array.from({ length: 8 }, () => db.transaction((tx) => attachGuestOrders(tx, { userId: user.id, email }))),
    );
    expect(again.flat()).toEqual([]);
    expect(attached.sort()).toEqual([...placed].sort());
    expect(await listed(caller)).toEqual([...placed].sort());
  });

  it("answers Find my order alike for a wrong number, an unknown email and a match, and mails only the match", async () => {
    const email = freshEmail("finder");
    const { order } = await guestCheckout(email);
    const finder = createCaller(createTestContext(db, { req: { ip: "198.51.100.77" } }));
    const answers = [
      await finder.orders.findMyOrder({ email, number: order.number + 100_000 }),
      await finder.orders.findMyOrder({ email: freshEmail("unknown"), number: order.number }),
      await finder.orders.findMyOrder({ email: ` ${email.toUpperCase()} `, number: `#${order.number}` as never }),
    ];
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);

    const jobs = await queuedJobs(db, "send_order_link");
    expect(jobs).toHaveLength(3);
    const before = smtp.accepted.length;
    const tasks = createTaskHandlers({ db, config: testConfig, mailer });
    for (const job of jobs) {
      expect(JSON.stringify(job.payload)).not.toMatch(/token/i);
      await tasks.send_order_link!(taskPayloads.send_order_link.parse(job.payload), testJobHelpers());
    }
    const [mail] = (await smtp.waitForAccepted(before + 1)).slice(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.accepted).toHaveLength(before + 1);
    expect(mail!.to).toMatchObject({ text: email });
    expect(mail!.subject).toBe(`Your link to Shopwright order #${order.number}`);
    const token = /\/my-order#token=([\w-]+)/.exec(mail!.text ?? "")![1]!;
    // A new link, and the one checkout handed out still works.
    expect(await guestCaller(db).orders.byAccessToken({ token })).toMatchObject({ id: order.id });
  });

  it("opens one order by its link, retries its payment, and refuses an address that keeps guessing", async () => {
    const { order, orderToken } = await guestCheckout(freshEmail("retry"));
    const holder = guestCaller(db, { req: { ip: "198.51.100.90" } });
    expect(await holder.orders.byAccessToken({ token: orderToken! })).toMatchObject({ id: order.id, status: "placed" });
    const { paymentUrl } = await holder.orders.retryPayment({ token: orderToken! });
    expect(paymentUrl).toMatch(/^https:\/\/gateway\.test\/pay\//);
    await expect(holder.orders.retryPayment({ id: order.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const guesser = guestCaller(db, { req: { ip: "198.51.100.91" } });
    for (let i = 0; i < 20; i++) {
      await expect(guesser.orders.byAccessToken({ token: `guess-${i}` })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringMatching(/not one we sent/),
      });
    }
    await expect(guesser.orders.byAccessToken({ token: orderToken! })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // The holder, elsewhere, is not held back by the guesser.
    expect(await holder.orders.byAccessToken({ token: orderToken! })).toMatchObject({ id: order.id });
  });

  it("limits a guest's unpaid orders per email, even when the checkouts race", async () => {
    const email = freshEmail("hoarder");
    const guests = await Promise.all(Array.from({ length: 6 }, () => guestWithCart(2)));
    const results = await Promise.allSettled(
      guests.map((guest, i) =>
        guest.orders.checkout({
          idempotencyKey: `hoard-${i}-key`,
          email,
          shippingAddress: { ...testAddress, line1: `${i + 1} Harbour Road` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(r.reason).toMatchObject({
          code: "CONFLICT",
          message: "You have 3 orders waiting for payment. Pay for one (or let it lapse) before placing another.",
        });
      }
    }
  });

  it("limits unpaid orders per shipping address, however the address is spelled", async () => {
    const door = { ...testAddress, line1: "77 Quay Street", line2: "Flat 4" };
    for (let i = 0; i < 5; i++) {
      const spelled = i % 2 ? { ...door, line1: "77, QUAY street.", name: `Person ${i}` } : door;
      await guestCheckout(freshEmail(`door${i}`), spelled);
    }
    await expect(guestCheckout(freshEmail("door-last"), { ...door, line2: "flat  4" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "This shipping address has 5 orders waiting for payment. Pay for one (or let it lapse) before placing another.",
    });
    // Another flat at the same number is another door.
    await expect(guestCheckout(freshEmail("door-next"), { ...door, line2: "Flat 5" })).resolves.toMatchObject({
      order: { status: "placed" },
    });
  });

  it("refuses a guest's malformed email, missing email or missing address with a field error, and writes nothing", async () => {
    const guest = await guestWithCart(1);
    const { orders, idempotencyKeys } = ordersTables(db);
    const count = async () => ({
      orders: (await db.orm.select({ id: orders.id }).from(orders)).length,
      keys: (await db.orm.select().from(idempotencyKeys).where(like(idempotencyKeys.scope, "cart:%"))).length,
    });
    const before = await count();
    const attempt = (input: Record<string, unknown>) =>
      guest.orders.checkout({ idempotencyKey: "bad-input-0001", ...input } as never);

    await expect(attempt({ email: "ada@", shippingAddress: testAddress })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Enter a valid email address/),
    });
    await expect(attempt({ shippingAddress: testAddress })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Enter your email address/),
    });
    await expect(attempt({ email: "ada@example.com" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Add a shipping address to check out",
    });
    expect(await count()).toEqual(before);
    expect((await guest.cart.get()).items).toHaveLength(1);
  });
});
