/**
 * The whole email path on a real Postgres: graphile-worker runs the job, nodemailer talks SMTP to
 * a server started here, and what arrives is parsed with mailparser. Worker crashes are real
 * processes killed with SIGKILL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { PostgresDb } from "@shopwright/db";
import { notificationsTables } from "@shopwright/db/tables/notifications";
import { workerTables } from "@shopwright/db/tables/worker";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { enqueue, type JobWorker, startWorker } from "@shopwright/jobs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { createTaskHandlers } from "../tasks/index.ts";
import { createSignedInUser, testConfig } from "../testing/index.ts";
import { createSmtpMailer } from "./mailer.ts";
import { ORDER_CONFIRMATION } from "./order-confirmation-delivery.ts";
import { insertTestOrder } from "./testing/orders.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./testing/smtp-server.ts";

type Db = PostgresDb & { url: string };

async function startTestWorker(db: Db, smtpUrl: string, options: { staleAfterMs?: number } = {}) {
  const mailer = createSmtpMailer(smtpUrl, { timeoutMs: 5_000 });
  const worker = await startWorker({
    db,
    databaseUrl: db.url,
    tasks: createTaskHandlers({ db, config: testConfig, mailer }),
    log: silentLogger,
    concurrency: 2,
    pollIntervalMs: 200,
    heartbeatIntervalMs: 300,
    staleAfterMs: options.staleAfterMs ?? 1_500,
  });
  return { ...worker, stop: () => worker.stop().finally(() => mailer.close()) } satisfies JobWorker;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function emailRecord(db: Db, orderId: string) {
  const m = notificationsTables(db).emailMessages;
  const [record] = await db.orm.select().from(m).where(eq(m.ref, orderId));
  return record;
}

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("order confirmation through the worker on postgres", () => {
  let db: Db;
  let worker: JobWorker | undefined;
  const servers: TestSmtpServer[] = [];
  beforeAll(async () => {
    db = await createPostgresTestDb();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  afterAll(() => db.close());

  it("sends the confirmation, which arrives with the order's content", async () => {
    const smtp = await startTestSmtpServer();
    servers.push(smtp);
    worker = await startTestWorker(db, smtp.url);
    const { orderId, number, email } = await insertTestOrder(db);
    await db.transaction((tx) =>
      enqueue(
        tx,
        "send_order_confirmation",
        { orderId, requestId: "req_test" },
        { jobKey: `order-confirmation:${orderId}` },
      ),
    );
    const [mail] = await smtp.waitForAccepted(1);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe(email);
    expect(mail?.subject).toBe(`Your Shopwright order #${number}`);
    expect(mail?.text).toContain("2 × Darjeeling <First Flush> at $12.50 = $25.00");
    expect(mail?.text).toContain(`${testConfig.publicUrl}/orders/${orderId}`);
    expect(mail?.html).toContain("Darjeeling &lt;First Flush&gt;");
    expect(mail?.html).toContain("Total");
    const record = await until(async () => {
      const r = await emailRecord(db, orderId);
      return r?.status === "sent" && r;
    });
    expect(record).toMatchObject({ kind: ORDER_CONFIRMATION, to: email, attempts: 1, providerMessageId: "test-1" });
    expect(mail?.messageId).toBe(`<${record.id}@shopwright>`);
  });

  it("sends the shipped email with its tracking number when the admin ships, through the same pipeline", async () => {
    const smtp = await startTestSmtpServer();
    servers.push(smtp);
    worker = await startTestWorker(db, smtp.url);
    const { orderId, number } = await insertTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: orderId, status: "processing" });
    await admin.admin.orders.setStatus({ id: orderId, status: "shipped", trackingNumber: "TRK-4471" });
    const [mail] = await smtp.waitForAccepted(1);
    expect(mail?.subject).toBe(`Your order #${number} has shipped`);
    expect(mail?.text).toContain("Tracking number: TRK-4471");
    const m = notificationsTables(db).emailMessages;
    const record = await until(async () => {
      const [r] = await db.orm.select().from(m).where(eq(m.kind, "order_shipped"));
      return r?.ref === orderId && r.status === "sent" && r;
    });
    expect(record).toMatchObject({ attempts: 1 });
  });

  it("retries while the SMTP server is down and delivers once it is back, exactly once", async () => {
    const port = await freePort();
    worker = await startTestWorker(db, `smtp://127.0.0.1:${port}`);
    const { orderId } = await insertTestOrder(db);
    await enqueue(db, "send_order_confirmation", { orderId });
    const failed = await until(async () => {
      const r = await emailRecord(db, orderId);
      return r?.status === "failed" && r;
    });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    const smtp = await startTestSmtpServer({ port });
    servers.push(smtp);
    // graphile-worker's backoff: the second attempt comes exp(1) ≈ 2.7 s after the first.
    await smtp.waitForAccepted(1);
    await settle(1_000);
    expect(smtp.accepted).toHaveLength(1);
    expect(await emailRecord(db, orderId)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("permanently fails a job when SMTP stays down; an admin sees it and puts it back", async () => {
    const port = await freePort();
    worker = await startTestWorker(db, `smtp://127.0.0.1:${port}`);
    const { orderId } = await insertTestOrder(db);
    await enqueue(db, "send_order_confirmation", { orderId, requestId: "req_dead" }, { maxAttempts: 2 });
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    const [dead] = await until(async () => {
      const jobs = await admin.admin.jobs.list({ state: "permanently_failed" });
      return jobs.length > 0 && jobs;
    });
    expect(dead).toMatchObject({
      task: "send_order_confirmation",
      attempts: 2,
      maxAttempts: 2,
      lastError: expect.stringMatching(/ECONNREFUSED/),
      payloadSummary: `orderId=${orderId} requestId=req_dead`,
    });
    expect(await emailRecord(db, orderId)).toMatchObject({ status: "failed", attempts: 2 });

    const smtp = await startTestSmtpServer({ port });
    servers.push(smtp);
    await admin.admin.jobs.retry({ id: dead!.id });
    await smtp.waitForAccepted(1);
    expect(await admin.admin.jobs.list({ state: "permanently_failed" })).toEqual([]);
  });

  it("runs nothing for a transaction that rolled back", async () => {
    const smtp = await startTestSmtpServer();
    servers.push(smtp);
    worker = await startTestWorker(db, smtp.url);
    const { orderId } = await insertTestOrder(db);
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, "send_order_confirmation", { orderId });
        throw new Error("checkout failed");
      }),
    ).rejects.toThrow("checkout failed");
    await settle(1_000);
    expect(smtp.accepted).toHaveLength(0);
    expect(await emailRecord(db, orderId)).toBeUndefined();
  });
});

describe("a worker killed mid-send on postgres", () => {
  let db: Db;
  let child: ChildProcess | undefined;
  let worker: JobWorker | undefined;
  let smtp: TestSmtpServer | undefined;
  beforeAll(async () => {
    db = await createPostgresTestDb();
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await worker?.stop();
    await smtp?.stop();
    await db.close();
  });

  it("is recovered by another worker after the stale interval, and the email arrives once", async () => {
    smtp = await startTestSmtpServer({ hold: true });
    const { orderId } = await insertTestOrder(db);
    await enqueue(db, "send_order_confirmation", { orderId });

    const entry = fileURLToPath(new URL("./testing/worker-process.ts", import.meta.url));
    child = spawn(process.execPath, ["--import", "tsx", entry], {
      env: { ...process.env, DATABASE_URL: db.url, SMTP_URL: smtp.url, HEARTBEAT_MS: "300", STALE_AFTER_MS: "1500" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((r) => child!.once("exit", r));
    // The SMTP server has the whole message and holds its reply: the sender is mid-send.
    await smtp.held();
    expect(await emailRecord(db, orderId)).toMatchObject({ status: "sending", attempts: 1 });
    child.kill("SIGKILL");
    await exited;

    const started = Date.now();
    worker = await startTestWorker(db, smtp.url, { staleAfterMs: 1_500 });
    await smtp.waitForAccepted(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    await settle(1_000);
    expect(smtp.accepted).toHaveLength(1);
    expect(await emailRecord(db, orderId)).toMatchObject({ status: "sent", attempts: 2 });
    const m = workerTables(db).workerHeartbeats;
    const rows = await db.orm.select().from(m);
    expect(rows.filter((r) => r.stoppedAt !== null).map((r) => r.pid)).toEqual([child.pid]);
  });
});
