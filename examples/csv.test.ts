import { describe, expect, it } from "vitest";
import { csvRow, parseCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, keeping each record's first line", () => {
    const text = 'slug,name\r\nlamp,"Desk lamp, brass"\n\nmug,"The ""big"" mug\nwith a lid"\nlast,one';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["slug", "name"] },
      { line: 2, fields: ["lamp", "Desk lamp, brass"] },
      { line: 4, fields: ["mug", 'The "big" mug\nwith a lid'] },
      { line: 6, fields: ["last", "one"] },
    ]);
  });

  it("names the line of a quote that never closes", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow("Line 2");
  });
});

describe("csvRow", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvRow(["plain", 'say "hi"', "a,b", 42, null, "=SUM(A1)", "-3"])).toBe(
      'plain,"say ""hi""","a,b",42,,\'=SUM(A1),\'-3',
    );
  });
});
