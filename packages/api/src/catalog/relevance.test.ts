/**
 * The relevance suite: what a shopper types into the search box, on the seeded catalog, and what
 * they would expect on top. Runs on every dialect, so SQLite and Postgres answer alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { guestCaller } from "../testing/index.ts";
import { seededCatalog } from "../testing/seeded-catalog.ts";

let seeded: Awaited<ReturnType<typeof seededCatalog>>;
let catalog: ReturnType<typeof guestCaller>["catalog"];

beforeAll(async () => {
  seeded = await seededCatalog(1000);
  catalog = seeded.catalog;
});

afterAll(() => seeded.close());

/** [typed text, what the names a shopper wants look like, the correction shown if any] */
const cases: [string, RegExp, string?][] = [
  // Whole words
  ["lamp", /\bLamp\b/],
  ["lamps", /\bLamp\b/],
  ["desk lamp", /\bDesk Lamp\b/],
  ["bedside", /\bBedside Lamp\b/],
  ["headphones", /\bHeadphones\b/],
  ["wireless headphones", /\bWireless Headphones\b/],
  ["blue shirt", /\bBlue\b.*\bShirt\b/],
  ["cast iron dutch oven", /\bCast Iron Dutch Oven\b/],
  ["oak turntable", /\bOak Turntable\b/],
  ["sleeping bag", /\bSleeping Bag\b/],
  ["fountain pen", /\bFountain Pen\b/],
  ["running shoes", /\bRunning Shoes\b/],
  ["rain jacket navy", /\bNavy Rain Jacket\b/],
  ["BLUETOOTH SPEAKER", /\bBluetooth Speaker\b/],
  ["chefs knife", /\bChef's Knife\b/],
  ["cardigan", /\bCardigan\b/],
  ["t-shirt", /\bT-Shirt\b/],
  ["noise cancelling", /\bNoise-Cancelling Headphones\b/],
  // Finished stop words are ignored
  ["the lamp", /\bLamp\b/],
  ["a desk lamp for reading", /\bDesk Lamp\b/],
  // Half-typed last words, stop words and single letters included
  ["be", /\bBe\w*/],
  ["bed", /\bBedside Lamp\b/],
  ["desk l", /(?=.*\bDesk\b)(?=.*\bL)/],
  ["table l", /\bTable Lamp\b/],
  ["oak l", /(?=.*\bOak\b)(?=.*\bL)/],
  ["blue s", /(?=.*\bBlue\b)(?=.*\bS)/],
  ["wireless h", /(?=.*\bWireless\b)(?=.*\bH)/],
  ["head", /\bHeadphones\b/],
  ["on", /\bOn\w*/],
  ["no", /\bNo\w*/],
  ["turnt", /\bTurntable\b/],
  // Typos, corrected and said so
  ["lmap", /\bLamp\b/, "lamp"],
  ["lampp", /\bLamp\b/, "lamp"],
  ["tshirt", /\bT-Shirt\b/, "t-shirt"],
  ["headphnes", /\bHeadphones\b/, "headphones"],
  ["turntabel", /\bTurntable\b/, "turntable"],
  ["black turntabel", /\bBlack Turntable\b/, "black turntable"],
];

/** The first name is one the shopper wants, and every such name comes before every other. */
function expectOnTop(names: string[], wanted: RegExp) {
  const firstUnwanted = names.findIndex((name) => !wanted.test(name));
  expect(names[0]).toMatch(wanted);
  if (firstUnwanted !== -1) expect(names.slice(firstUnwanted).filter((name) => wanted.test(name))).toEqual([]);
}

describe("searches a shopper would type, on the seeded catalog", () => {
  it.each(cases)("%s", async (q, expected, corrected) => {
    const { items, correctedQuery } = await catalog.search({ q, pageSize: 20 });
    expectOnTop(
      items.map((item) => item.name),
      expected,
    );
    expect(correctedQuery).toBe(corrected ?? null);
  });

  it("ranks a name match above a description-only match", async () => {
    const { items } = await catalog.search({ q: "wool", pageSize: 50 });
    expectOnTop(
      items.map((item) => item.name),
      /\bWool\b/,
    );
    expect(items.some((item) => !/\bWool\b/.test(item.name))).toBe(true);
  });

  it("ranks a whole word above a prefix of a longer one", async () => {
    const { items } = await catalog.search({ q: "pen", pageSize: 50 });
    expectOnTop(
      items.map((item) => item.name),
      /\bPen\b/,
    );
    expect(items.some((item) => /\bPencil\b/.test(item.name))).toBe(true);
  });

  it("finds nothing, and corrects nothing, for words no product is near", async () => {
    const result = await catalog.search({ q: "xylophone" });
    expect(result).toMatchObject({ total: 0, items: [], correctedQuery: null });
  });
});

describe("typos within filters", () => {
  it("still corrects a misspelling inside a category", async () => {
    const result = await catalog.search({ q: "lmap", categorySlug: "lighting", pageSize: 5 });
    expect(result.correctedQuery).toBe("lamp");
    for (const item of result.items) expect(item.name).toMatch(/\bLamp\b/);
  });
});
