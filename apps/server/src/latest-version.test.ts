import { describe, expect, it } from "vitest";
import { latestVersion } from "./latest-version.ts";

describe("latestVersion", () => {
  it("never answers a caller with a read that started before it asked, and shares the rest", async () => {
    let committed = 1;
    const reads: { resolve: () => void }[] = [];
    const version = latestVersion(() => {
      const seen = committed;
      return new Promise<number>((resolve) => reads.push({ resolve: () => resolve(seen) }));
    });
    const early = version();
    committed = 2; // a write commits while the first read is running
    const late = [version(), version(), version()];
    expect(reads).toHaveLength(1);
    reads[0]!.resolve();
    expect(await early).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(2);
    reads[1]!.resolve();
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it("reads again after a failed read", async () => {
    let fail = true;
    const version = latestVersion(async () => {
      if (fail) throw new Error("connection lost");
      return 7;
    });
    await expect(version()).rejects.toThrow("connection lost");
    fail = false;
    expect(await version()).toBe(7);
  });
});
