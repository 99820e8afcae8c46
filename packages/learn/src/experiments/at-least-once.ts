/**
 * At least once: a job queue runs a job again when the worker running it dies before saying it is
 * done, so a job's side effect must be safe to repeat. Here a worker process is SIGKILLed after an
 * order confirmation went out and before the job was acknowledged; another worker picks the job up
 * once the dead one's heartbeat goes stale. Sent the wrong way (just send), the customer gets two
 * emails; through the shop's handler, which records each email and claims it before sending, one.
 * A poison job (an order that does not exist) retries with backoff and then lands in the dead-
 * letter list.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createSmtpMailer } from "@shopwright/api/server";
import { createTestContext } from "@shopwright/api/testing";
import type { PostgresDb } from "@shopwright/db";
import { enqueue, listJobs, queuedJobs, startWorker } from "@shopwright/jobs";
import { sql } from "drizzle-orm";
import { confirmationHandler, SENT_MARK } from "../confirmation-handler.ts";
import { type Experiment, requireDb } from "../experiment.ts";
import { ms } from "../report.ts";
import { checkoutAs, createProduct, shoppersWithCart } from "../shop.ts";
import { startSmtpRecorder } from "../smtp-recorder.ts";

const CHILD = fileURLToPath(new URL("../worker-child.ts", import.meta.url));
/** A worker silent this long counts as dead (the shop's default is a minute; this is a demo). */
const STALE_AFTER_MS = 2_000;
const POISON_ATTEMPTS = 3;

export interface AtLeastOnceResult {
  naive: { emails: number };
  shop: { emails: number; recorded: string };
  /** From the SIGKILL until both jobs had run again on another worker. */
  recoveredAfterMs: number;
  poison: { attempts: number; maxAttempts: number; lastError: string | null; deadAfterMs: number } | undefined;
}

/** Starts the crashing worker and resolves, with its process, once it has sent `count` emails. */
function crashingWorker(url: string, smtpUrl: string, naive: string[], count: number) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, url, smtpUrl, naive.join(",")], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise<typeof child>((resolve, reject) => {
    let seen = 0;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      seen += chunk.split("\n").filter((line) => line.startsWith(SENT_MARK)).length;
      if (seen >= count) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`the worker exited (${code}) before sending`)));
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
  return performance.now() - started;
}

export async function runAtLeastOnce(db: PostgresDb, url: string): Promise<AtLeastOnceResult> {
  const smtp = await startSmtpRecorder();
  const product = await createProduct(db, { stock: 10 });
  const [naiveShopper, shopShopper] = await shoppersWithCart(db, 2, product.id);
  const naiveOrder = (await checkoutAs(naiveShopper!, randomUUID())).order.id;
  const shopOrder = (await checkoutAs(shopShopper!, randomUUID())).order.id;
  // What the payment webhook enqueues once an order is paid.
  for (const orderId of [naiveOrder, shopOrder]) await enqueue(db, "send_order_confirmation", { orderId });

  const child = await crashingWorker(url, smtp.url, [naiveOrder], 2);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  const killedAt = performance.now();

  await enqueue(db, "send_order_confirmation", { orderId: "ord_does_not_exist" }, { maxAttempts: POISON_ATTEMPTS });
  const mailer = createSmtpMailer(smtp.url);
  const worker = await startWorker({
    db,
    databaseUrl: url,
    tasks: {
      send_order_confirmation: confirmationHandler({ db, mailer, naive: [naiveOrder], afterSend: async () => {} }),
    },
    log: createTestContext(db).log,
    heartbeatIntervalMs: 500,
    staleAfterMs: STALE_AFTER_MS,
    pollIntervalMs: 200,
  });
  try {
    const pending = async (orderId: string) =>
      (await queuedJobs(db, "send_order_confirmation")).some((j) => j.payload.orderId === orderId);
    await until(async () => !(await pending(naiveOrder)) && !(await pending(shopOrder)), "the jobs to run again");
    const recoveredAfterMs = performance.now() - killedAt;
    const dead = async () =>
      (await listJobs(db, "permanently_failed")).find((j) => j.payloadSummary.includes("ord_does_not_exist"));
    await until(async () => Boolean(await dead()), "the poison job to fail for good");
    const poison = await dead();
    const [email] = await db.execute<{ status: string; attempts: number }>(
      sql`select status, attempts from email_messages where ref = ${shopOrder}`,
    );
    return {
      naive: { emails: smtp.sentTo(`${naiveOrder}@example.com`) },
      shop: { emails: smtp.sentTo(shopShopper!.email), recorded: `${email?.status}, ${email?.attempts} claim(s)` },
      recoveredAfterMs,
      poison: poison && {
        attempts: poison.attempts,
        maxAttempts: poison.maxAttempts,
        lastError: poison.lastError,
        deadAfterMs: performance.now() - killedAt,
      },
    };
  } finally {
    await worker.stop();
    mailer.close();
    await smtp.stop();
  }
}

export const atLeastOnce: Experiment = {
  name: "at-least-once",
  summary: "SIGKILL a worker after it sent an email: sent twice the wrong way, once the shop's way; a poison job",
  page: "jobs.md",
  database: true,
  async run(db) {
    const scratch = requireDb(db);
    const r = await runAtLeastOnce(scratch, scratch.url);
    return {
      title: "at-least-once: a worker is SIGKILLed after sending an order confirmation, before acknowledging the job",
      sections: [
        {
          heading: "The wrong way: the job just sends the email",
          rows: [["emails the customer received", r.naive.emails]],
        },
        {
          heading: "Shopwright: send_order_confirmation (record, claim, send, mark sent)",
          rows: [
            ["emails the customer received", r.shop.emails],
            ["its email_messages row", r.shop.recorded],
          ],
        },
        {
          heading: "Recovery",
          rows: [
            [
              "jobs run again by another worker after",
              `${ms(r.recoveredAfterMs)} (dead after ${STALE_AFTER_MS / 1000} s of silence)`,
            ],
            [
              "poison job: attempts",
              r.poison ? `${r.poison.attempts} of ${r.poison.maxAttempts}, then permanently failed` : "-",
            ],
            ["poison job: last error", r.poison?.lastError ?? "-"],
            ["poison job: in the dead-letter list after", r.poison ? ms(r.poison.deadAfterMs) : "-"],
          ],
        },
      ],
      verdict:
        `The job ran twice in both cases, as queues do; the customer got ${r.naive.emails} emails the wrong way and ` +
        `${r.shop.emails} from the shop. The poison job stopped after ${r.poison?.attempts} attempts, listed for a person to look at.`,
    };
  },
};
