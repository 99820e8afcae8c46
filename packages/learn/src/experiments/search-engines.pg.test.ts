import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runSearchEngines } from "./search-engines.ts";

const testDb = useTestDb();

it("ILIKE misses plurals and word order, tsvector and the shop's word index miss typos and word parts, trigrams find both", async () => {
  const r = await runSearchEngines(testDb(), { sizes: [2_000], qualityAt: 2_000 });
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
  for (const x of r.quality) expect(x.found.terms).toEqual(x.found.tsvector);
  expect(r.sizes[0]!.indexBytes.trigram).toBeGreaterThan(r.sizes[0]!.indexBytes.tsvector);
});
