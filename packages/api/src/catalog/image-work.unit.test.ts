import { describe, expect, it } from "vitest";
import { imageWorkLimiter } from "./image-work.ts";

describe("the line for image work", () => {
  it("runs one piece at a time, refuses requests past the line, and lets background work wait", async () => {
    const limit = imageWorkLimiter({ concurrency: 1, waiting: 2 });
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const piece = () =>
      new Promise<void>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        releases.push(() => {
          running -= 1;
          resolve();
        });
      });
    const started = [limit(piece, "or-refuse"), limit(piece, "or-refuse"), limit(piece, "or-refuse")];
    await expect(limit(piece, "or-refuse")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    const background = limit(piece, "wait");
    for (let done = 0; done < 4; done++) {
      await expect.poll(() => releases.length).toBe(done + 1);
      releases[done]!();
    }
    await Promise.all([...started, background]);
    expect(most).toBe(1);
  });
});
