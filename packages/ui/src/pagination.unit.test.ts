import { describe, expect, it } from "vitest";
import { pageRange } from "./pagination.tsx";

describe("pageRange", () => {
  it("names the items a page shows and the number of pages", () => {
    expect(pageRange(1, 20, 45)).toEqual({ first: 1, last: 20, pages: 3 });
    expect(pageRange(3, 20, 45)).toEqual({ first: 41, last: 45, pages: 3 });
    expect(pageRange(1, 20, 20)).toEqual({ first: 1, last: 20, pages: 1 });
  });

  it("shows an empty list as one page of nothing", () => {
    expect(pageRange(1, 20, 0)).toEqual({ first: 0, last: 0, pages: 1 });
  });
});
