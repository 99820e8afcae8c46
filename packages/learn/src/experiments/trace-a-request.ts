/**
 * Trace a request: the real server (apps/server, run as `pnpm dev` runs it) takes one checkout and
 * its payment, and the experiment follows the request ids through what the server wrote: the
 * request log lines, the jobs those requests enqueued and their log lines, the email that went out,
 * and the metrics that moved. It also shows where one id hands over to the next: the payment
 * provider calls the webhook as a new request, linked to the first by the order, not the id.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createShopClient } from "@shopwright/client";
import type { PostgresDb, QueuedJob } from "@shopwright/db";
import { queuedJobs } from "@shopwright/jobs";
import { type Experiment, requireDb } from "../experiment.ts";
import { createProduct, testAddress } from "../shop.ts";
import { startSmtpRecorder } from "../smtp-recorder.ts";

const REPO = fileURLToPath(new URL("../../../..", import.meta.url));
const SERVER_MAIN = fileURLToPath(new URL("../../../../apps/server/src/main.ts", import.meta.url));

interface LogLine {
  msg: string;
  requestId?: string;
  task?: string;
  method?: string;
  path?: string;
  status?: number;
  [field: string]: unknown;
}

export interface Hop {
  /** What started it, e.g. "POST /trpc/orders.checkout". */
  request: string;
  requestId: string;
  /** Log lines carrying this id, in order: "request", "job succeeded", … */
  lines: string[];
  /** Tasks whose job logs carry this id. */
  jobs: string[];
  /** Tasks still waiting in the queue with this id in their payload. */
  queued: string[];
}

export interface TraceResult {
  hops: Hop[];
  email: { messageId: string | undefined; subject: string | undefined; loggedBy: string | undefined };
  /** Counter increases between before and after, by series. */
  metrics: Record<string, number>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the shop's server on the scratch database; resolves once /readyz answers. */
async function startServer(
  url: string,
  smtpUrl: string,
  dataDir: string,
  logs: LogLine[],
): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", SERVER_MAIN], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_URL: url,
      SMTP_URL: smtpUrl,
      DATA_DIR: dataDir,
      SEED: "off",
      RATE_LIMITS: "off",
      WORKER: "inline",
      LOG_LEVEL: "info",
      JWT_SECRET: randomBytes(32).toString("hex"),
      WEBHOOK_SECRET: randomBytes(32).toString("hex"),
      // /metrics answers only its bearer token, as Prometheus would present it.
      METRICS_TOKEN: METRICS_TOKEN,
    },
  });
  let buffered = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("{")) logs.push(JSON.parse(line) as LogLine);
    }
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { origin, child };
    if (Date.now() > deadline) throw new Error("the server did not become ready");
    await sleep(200);
  }
}

const METRICS_TOKEN = randomBytes(16).toString("hex");

/** Counter and histogram-count series of the Prometheus text, e.g. `checkouts_total{outcome="placed"}`. */
async function counters(origin: string): Promise<Map<string, number>> {
  const text = await (
    await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^((?:checkouts_total|jobs_total|trpc_procedure_duration_seconds_count)(?:\{[^}]*\})?) (\S+)$/.exec(
      line,
    );
    if (match) out.set(match[1]!, Number(match[2]));
  }
  return out;
}

function hop(logs: LogLine[], waiting: QueuedJob[], request: string, requestId: string): Hop {
  const mine = logs.filter((l) => l.requestId === requestId);
  return {
    queued: waiting.filter((j) => j.payload.requestId === requestId).map((j) => j.task),
    request,
    requestId,
    lines: mine.map((l) =>
      l.task ? `${l.task}: ${l.msg}` : `${l.msg} ${l.method ?? ""} ${l.path ?? ""} ${l.status ?? ""}`.trim(),
    ),
    jobs: [...new Set(mine.flatMap((l) => (l.task ? [l.task] : [])))],
  };
}

export async function runTraceARequest(db: PostgresDb, url: string): Promise<TraceResult> {
  const smtp = await startSmtpRecorder();
  const logs: LogLine[] = [];
  const product = await createProduct(db, { stock: 5, priceCents: 2_500 });
  const dataDir = await mkdtemp(join(tmpdir(), "shopwright-learn-trace-"));
  const { origin, child } = await startServer(url, smtp.url, dataDir, logs);
  try {
    const before = await counters(origin);
    const shop = createShopClient({ url: origin });
    const email = `${randomBytes(6).toString("hex")}@example.com`;
    const { accessToken } = await shop.register({ email, password: "correct horse battery staple", name: "Ada" });
    await shop.trpc.cart.addItem.mutate({ productId: product.id, quantity: 1 });

    // The checkout, sent by hand so its response's x-request-id can be read.
    const checkout = await fetch(`${origin}/trpc/orders.checkout`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ json: { idempotencyKey: randomBytes(8).toString("hex"), shippingAddress: testAddress } }),
    });
    const checkoutId = checkout.headers.get("x-request-id")!;
    const { paymentUrl } = ((await checkout.json()) as { result: { data: { json: { paymentUrl: string } } } }).result
      .data.json;

    // The shopper approves on the provider's hosted page.
    const approval = await fetch(paymentUrl, {
      method: "POST",
      body: new URLSearchParams({ decision: "approve" }),
      redirect: "manual",
    });
    const approvalId = approval.headers.get("x-request-id")!;

    // The job logs its success after the email is accepted, and its line crosses a pipe: wait for
    // the line itself, not for a time that a busy machine outlasts.
    const confirmed = () =>
      smtp.sentTo(email) > 0 && logs.some((l) => l.task === "send_order_confirmation" && l.msg === "job succeeded");
    const deadline = Date.now() + 90_000;
    while (!confirmed()) {
      if (Date.now() > deadline) throw new Error("no confirmation email arrived, or its job never said so");
      await sleep(100);
    }
    const after = await counters(origin);

    const webhook = logs.find((l) => l.path === "/webhooks/payments" && l.msg === "request");
    const waiting = await queuedJobs(db);
    const hops = [
      hop(logs, waiting, "POST /trpc/orders.checkout (the shopper)", checkoutId),
      hop(logs, waiting, "POST /mockpay/pay/… (the shopper approves)", approvalId),
      ...(webhook?.requestId ? [hop(logs, waiting, "POST /webhooks/payments (the provider)", webhook.requestId)] : []),
    ];
    const sent = smtp.emails.find((e) => e.to.includes(email));
    const metrics: Record<string, number> = {};
    for (const [series, value] of after) {
      const moved = value - (before.get(series) ?? 0);
      if (moved > 0) metrics[series] = moved;
    }
    return {
      hops,
      email: {
        messageId: sent?.messageId,
        subject: sent?.subject,
        loggedBy: logs.find((l) => l.task === "send_order_confirmation" && String(l.msg).includes("accepted"))
          ?.requestId,
      },
      metrics,
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.on("exit", resolve) : resolve(null)));
    await smtp.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const traceARequest: Experiment = {
  name: "trace-a-request",
  summary: "one checkout and payment on the real server, followed by request id through logs, jobs, email, metrics",
  page: "observability.md",
  database: true,
  async run(db) {
    const scratch = requireDb(db);
    const r = await runTraceARequest(scratch, scratch.url);
    return {
      title: "trace-a-request: a checkout and its payment on the real server, followed by request id",
      sections: [
        ...r.hops.map((h) => ({
          heading: `${h.request}: requestId ${h.requestId}`,
          rows: [
            ...h.lines.map((line, i): [string, string] => [`log ${i + 1}`, line]),
            ...h.queued.map((task): [string, string] => ["job waiting in the queue", task]),
          ],
        })),
        {
          heading: "The email",
          rows: [
            ["Message-ID", r.email.messageId ?? "-"],
            ["Subject", r.email.subject ?? "-"],
            ["logged as accepted under requestId", r.email.loggedBy ?? "-"],
          ],
        },
        {
          heading: "Metrics moved (/metrics, after minus before)",
          rows: Object.entries(r.metrics).map(([series, moved]): [string, string] => [series, `+${moved}`]),
        },
      ],
      verdict:
        "Each id ties a request to the jobs it caused and their log lines; the provider's webhook is a new request " +
        "with a new id, joined to the checkout by the order it names.",
    };
  },
};
