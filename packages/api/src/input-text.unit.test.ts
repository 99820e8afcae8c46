/** Every string a client sends goes through `text()`, so none can carry what Postgres cannot store. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL(".", import.meta.url));

it("no procedure input or webhook schema uses z.string() directly", () => {
  const sources = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (file) => /(router|webhook)\.ts$/.test(file) || /-router\.ts$/.test(file),
  );
  expect(sources.length).toBeGreaterThan(5);
  const offenders = sources.filter((file) => /\bz\s*\.\s*string\s*\(/.test(readFileSync(join(root, file), "utf8")));
  expect(offenders).toEqual([]);
});
