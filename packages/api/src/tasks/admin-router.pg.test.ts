import type { Db } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { enqueue } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../testing/index.ts";

// The job admin reads graphile-worker's tables, which only Postgres has.
describe("admin.jobs on postgres", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createPostgresTestDb();
  });
  afterAll(() => db.close());

  it("lists pending jobs and rejects a bad state or id", async () => {
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await enqueue(db, "send_order_confirmation", { orderId: "ord_listed", requestId: "req_1" });
    const pending = await admin.admin.jobs.list({ state: "pending" });
    expect(pending).toEqual([
      expect.objectContaining({
        task: "send_order_confirmation",
        attempts: 0,
        maxAttempts: 15,
        lastError: null,
        payloadSummary: "orderId=ord_listed requestId=req_1",
      }),
    ]);
    expect(await admin.admin.jobs.list({ state: "permanently_failed" })).toEqual([]);
    // @ts-expect-error not a state
    await expect(admin.admin.jobs.list({ state: "done" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.admin.jobs.retry({ id: "abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.admin.jobs.retry({ id: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
