import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runSearchEngines } from "./search-engines.ts";

let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
beforeAll(async () => {
  db = await createPostgresTestDb();
});
afterAll(() => db.close());

it("ILIKE misses plurals and word order, tsvector misses typos and word parts, trigrams find both", async () => {
  const r = await runSearchEngines(db, { sizes: [2_000], qualityAt: 2_000 });
  const byQuery = Object.fromEntries(r.quality.map((x) => [x.q, x]));
  const { lamps, kettel, phones } = byQuery;
  const oakLamp = byQuery["lamp oak"]!;
  expect(lamps!.found.ILIKE.relevantFound).toBe(0);
  expect(lamps!.found.tsvector.relevantFound).toBe(lamps!.relevant);
  expect(oakLamp.found.ILIKE.relevantFound).toBe(0);
  expect(oakLamp.found.tsvector.relevantFound).toBe(oakLamp.relevant);
  expect(kettel!.found.tsvector.relevantFound).toBe(0);
  expect(kettel!.found.trigram.relevantFound).toBe(kettel!.relevant);
  expect(phones!.found.tsvector.relevantFound).toBe(0);
  expect(phones!.found.trigram.relevantFound).toBe(phones!.relevant);
  expect(r.sizes[0]!.indexBytes.trigram).toBeGreaterThan(r.sizes[0]!.indexBytes.tsvector);
});
