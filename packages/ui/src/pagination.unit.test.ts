import { describe, expect, it } from "vitest";
import { pageNumbers, pageRange } from "./pagination.tsx";

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

describe("pageNumbers", () => {
  it("offers the first, the last and the current page's neighbours, with gaps between", () => {
    expect(pageNumbers(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, "gap", 10]);
    expect(pageNumbers(10, 10)).toEqual([1, "gap", 9, 10]);
  });

  it("shows a one-page gap as the page itself, and short lists whole", () => {
    expect(pageNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, "gap", 10]);
    expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 1)).toEqual([1]);
  });
});
