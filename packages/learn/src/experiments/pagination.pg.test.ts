import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { PAGE_SIZE, runPagination } from "./pagination.ts";

const testDb = useTestDb();

it("OFFSET reads every row before the page, keyset only the page; without the index both read the table", async () => {
  const products = 5_000;
  const r = await runPagination(testDb(), { products });
  const deepest = r.withIndex.at(-1)!;
  expect(deepest.page).toBe(products / PAGE_SIZE);
  expect(deepest.offset.rowsRead).toBe(products);
  expect(deepest.keyset.plan).toContain("Index Scan");
  expect(deepest.keyset.rowsRead).toBe(PAGE_SIZE);
  for (const f of r.withoutIndex) {
    expect(f.offset.rowsRead).toBe(products);
    expect(f.keyset.plan).not.toContain("Index Scan");
  }
  expect(r.shop.map((s) => s.page)).toEqual([1, 100, 200]);
});
