import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOversell } from "./oversell.ts";

describe("oversell experiment", () => {
  let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 24 });
  });
  afterAll(() => db.close());

  it("read-then-write oversells, SERIALIZABLE and the shop's checkout sell exactly the stock", async () => {
    const r = await runOversell(db, { buyers: 30, stock: 5 });
    expect(r.naive.sold).toBeGreaterThan(r.stock);
    expect(r.serializable.sold).toBe(r.stock);
    expect(r.serializable.retries).toBeGreaterThan(0);
    expect(r.shop).toMatchObject({ sold: 5, refused: 25, orders: 5, stockLeft: 0 });
  });
});
