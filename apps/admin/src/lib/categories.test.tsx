import { describe, expect, it } from "vitest";
import { flattenCategories, indented } from "./categories.ts";
import type { CategoryNode } from "./types.ts";

const node = (id: string, children: CategoryNode[] = []): CategoryNode => ({
  id,
  slug: id,
  name: id.toUpperCase(),
  parentId: null,
  position: 0,
  productCount: 0,
  children,
});

describe("flattenCategories", () => {
  it("lists the tree in reading order with depths, and knows each subtree", () => {
    const tree = [node("home", [node("kitchen", [node("mugs")]), node("garden")]), node("toys")];
    const flat = flattenCategories(tree);
    expect(flat.map((o) => [o.id, o.depth])).toEqual([
      ["home", 0],
      ["kitchen", 1],
      ["mugs", 2],
      ["garden", 1],
      ["toys", 0],
    ]);
    expect([...flat[0]!.subtree].sort()).toEqual(["garden", "home", "kitchen", "mugs"]);
    expect([...flat[1]!.subtree].sort()).toEqual(["kitchen", "mugs"]);
    expect(indented(flat[2]!)).toBe(`${"\u00a0".repeat(6)}MUGS`);
  });
});
