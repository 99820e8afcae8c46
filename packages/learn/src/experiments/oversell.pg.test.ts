import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runOversell } from "./oversell.ts";

const testDb = useTestDb();

it("read-then-write oversells, SERIALIZABLE and the shop's checkout sell exactly the stock", async () => {
  const r = await runOversell(testDb(), { buyers: 30, stock: 5 });
  expect(r.naive.sold).toBeGreaterThan(r.stock);
  expect(r.serializable.sold).toBe(r.stock);
  expect(r.serializable.retries).toBeGreaterThan(0);
  expect(r.shop).toMatchObject({ sold: 5, refused: 25, orders: 5, stockLeft: 0 });
});
