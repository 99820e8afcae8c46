import { createPostgresTestDb } from "@shopwright/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "./enqueue.ts";
import { listJobs, retryJob } from "./job-admin.ts";
import { type JobLog, type JobOutcome, startWorker, type TaskHandlerMap } from "./worker.ts";

type Entry = { level: string; msg?: string } & Record<string, unknown>;

/** A logger that keeps every entry with its bindings, for asserting what the logs say. */
function capturingLog(entries: Entry[], bindings: Record<string, unknown> = {}): JobLog {
  const write = (level: string) => (obj: object | string, msg?: string) =>
    entries.push(typeof obj === "string" ? { level, ...bindings, msg: obj } : { level, ...bindings, ...obj, msg });
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (more) => capturingLog(entries, { ...bindings, ...more }),
  };
}

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("the worker runner on postgres", () => {
  let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
  beforeAll(async () => {
    db = await createPostgresTestDb();
  });
  afterAll(() => db.close());

  it("runs checked payloads, logs each job with its request id, counts outcomes and schedules the cleanup", async () => {
    const entries: Entry[] = [];
    const outcomes: [string, JobOutcome][] = [];
    const seen: unknown[] = [];
    const tasks: TaskHandlerMap = {
      send_order_confirmation: async (payload, helpers) => {
        seen.push(payload);
        helpers.logger.info("sending");
      },
      cleanup_abandoned_carts: async () => undefined,
    };
    const worker = await startWorker({
      db,
      databaseUrl: db.url,
      tasks,
      log: capturingLog(entries),
      pollIntervalMs: 100,
      onJobFinished: (task, outcome) => outcomes.push([task, outcome]),
    });
    try {
      await enqueue(db, "send_order_confirmation", { orderId: "ord_1", requestId: "req_abc" });
      // A job written by hand (or by an older release) whose payload no longer matches the task.
      await db.run(
        sql`select graphile_worker.add_job('send_order_confirmation', '{"order":1}'::json, max_attempts => 1)`,
      );
      await until(() => outcomes.length === 2);

      expect(seen).toEqual([{ orderId: "ord_1", requestId: "req_abc" }]);
      expect(outcomes.sort()).toEqual([
        ["send_order_confirmation", "permanently_failed"],
        ["send_order_confirmation", "succeeded"],
      ]);
      expect(entries).toContainEqual(
        expect.objectContaining({ msg: "sending", requestId: "req_abc", task: "send_order_confirmation", attempt: 1 }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({
          level: "info",
          msg: "job succeeded",
          requestId: "req_abc",
          jobId: expect.any(String),
        }),
      );
      // graphile-worker reports a failure before its batched write of the job's error lands.
      const deadLetter = () =>
        db.execute<{ last_error: string | null }>(
          sql`select last_error from graphile_worker.jobs where attempts >= max_attempts and last_error is not null`,
        );
      await until(async () => (await deadLetter()).length > 0);
      const [dead] = await deadLetter();
      expect(dead?.last_error).toMatch(/Payload does not match task send_order_confirmation/);
      const crontabs = await db.execute<{ identifier: string }>(
        sql`select identifier from graphile_worker._private_known_crontabs`,
      );
      expect(crontabs.map((c) => c.identifier)).toEqual(["cleanup_abandoned_carts"]);
    } finally {
      await worker.stop();
    }
    const [heartbeat] = await db.execute<{ stopped_at: string | null }>(
      sql`select stopped_at from worker_heartbeats where worker_id = ${worker.workerId}`,
    );
    expect(heartbeat?.stopped_at).not.toBeNull();
  });

  it("never takes a job from a live worker, however long it runs; stop lets it finish", async () => {
    let runs = 0;
    let finished = false;
    const tasks: TaskHandlerMap = {
      expire_unpaid_order: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 3_500));
        finished = true;
      },
    };
    const options = { db, databaseUrl: db.url, tasks, log: capturingLog([]), pollIntervalMs: 100 };
    // Fifteen heartbeats per staleness limit: a busy machine can delay a few of a live worker's
    // writes (200 ms against 600 ms failed 1 run in 2 on two loaded cores), never fifteen in a row.
    const fast = { heartbeatIntervalMs: 100, staleAfterMs: 1_500 };
    const first = await startWorker({ ...options, ...fast });
    await enqueue(db, "expire_unpaid_order", { orderId: "ord_long" });
    await until(() => runs === 1);
    const second = await startWorker({ ...options, ...fast });
    const [running] = await listJobs(db, "pending");
    expect(running).toMatchObject({ task: "expire_unpaid_order", running: true, attempts: 1 });
    expect(await retryJob(db, running!.id)).toBe("running");
    // Well past the stale interval, while the first worker is still busy with the job.
    await new Promise((r) => setTimeout(r, 2_500));
    await Promise.all([first.stop(), second.stop()]);
    expect(finished).toBe(true);
    expect(runs).toBe(1);
  });

  it("leaves a job's secrets out of every log line, however deep the worker puts its payload", async () => {
    const entries: Entry[] = [];
    const outcomes: JobOutcome[] = [];
    const worker = await startWorker({
      db,
      databaseUrl: db.url,
      tasks: {
        send_password_reset: async () => {
          throw new Error("the SMTP server is down");
        },
      },
      log: capturingLog(entries),
      pollIntervalMs: 100,
      onJobFinished: (_, outcome) => outcomes.push(outcome),
    });
    try {
      const payload = { email: "ada@example.com", seed: "s33d-of-the-link", requestedAt: new Date().toISOString() };
      await db.run(
        sql`select graphile_worker.add_job('send_password_reset', ${JSON.stringify(payload)}::json, max_attempts => 1)`,
      );
      await until(() => outcomes.length === 1);
    } finally {
      await worker.stop();
    }
    expect(entries).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/permanently failed/) }));
    const written = JSON.stringify(entries);
    expect(written).not.toContain("ada@example.com");
    expect(written).not.toContain("s33d-of-the-link");
  });
});
