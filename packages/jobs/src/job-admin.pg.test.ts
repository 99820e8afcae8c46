import type { Db } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "./enqueue.ts";
import { listJobs } from "./job-admin.ts";

describe("the admin's view of jobs on postgres", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createPostgresTestDb();
  });
  afterAll(() => db.close());

  const ids = async (state: Parameters<typeof listJobs>[1]) => (await listJobs(db, state)).map((j) => j.id);

  it("shows a job running its last attempt as failing, and as a dead letter only once that attempt failed", async () => {
    await enqueue(db, "send_order_confirmation", { orderId: "ord_last_try" }, { maxAttempts: 2 });
    const [job] = await listJobs(db, "pending");
    // As graphile-worker leaves it: one failed attempt, then the second picked up and running.
    await db.run(sql`update graphile_worker._private_jobs
      set attempts = 2, last_error = 'ECONNREFUSED', locked_at = now(), locked_by = 'worker-a'
      where id = ${job!.id}`);
    expect(await ids("permanently_failed")).toEqual([]);
    expect(await ids("failed")).toEqual([job!.id]);

    await db.run(
      sql`update graphile_worker._private_jobs set locked_at = null, locked_by = null where id = ${job!.id}`,
    );
    expect(await ids("permanently_failed")).toEqual([job!.id]);
    expect(await ids("failed")).toEqual([]);
  });

  it("masks a payload's secrets by field name, the password reset's seed and email included", async () => {
    await enqueue(db, "send_password_reset", {
      email: "ada@example.com",
      seed: "s3cr3t-seed-value",
      requestedAt: new Date().toISOString(),
      requestId: "req-42",
    });
    const job = (await listJobs(db, "pending")).find((j) => j.task === "send_password_reset");
    expect(job?.payloadSummary).toContain("email=[redacted]");
    expect(job?.payloadSummary).toContain("seed=[redacted]");
    expect(job?.payloadSummary).toContain("requestId=req-42");
    expect(job?.payloadSummary).not.toMatch(/ada@example\.com|s3cr3t/);
  });
});
