import type { Db } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue, queuedJobs } from "./enqueue.ts";

describe(`enqueue on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("adds a job in the caller's transaction, and a rollback removes it", async () => {
    await db.transaction((tx) =>
      enqueue(tx, "send_order_confirmation", { orderId: "ord_1" }, { jobKey: "confirm:ord_1" }),
    );
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, "send_order_confirmation", { orderId: "ord_2" });
        throw new Error("checkout failed");
      }),
    ).rejects.toThrow("checkout failed");
    const jobs = await queuedJobs(db, "send_order_confirmation");
    expect(jobs.map((j) => j.payload)).toEqual([{ orderId: "ord_1" }]);
    expect(jobs[0]?.jobKey).toBe("confirm:ord_1");
  });

  it("keeps one pending job per job key", async () => {
    await enqueue(db, "expire_unpaid_order", { orderId: "ord_3" }, { jobKey: "expire:ord_3" });
    await enqueue(db, "expire_unpaid_order", { orderId: "ord_3" }, { jobKey: "expire:ord_3" });
    expect(await queuedJobs(db, "expire_unpaid_order")).toHaveLength(1);
  });

  it("rejects a payload that does not match its task", async () => {
    // @ts-expect-error orderId is required
    await expect(enqueue(db, "send_order_confirmation", {})).rejects.toThrow();
  });
});
