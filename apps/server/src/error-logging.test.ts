import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createTestApp, trpcRequest } from "../test/harness.ts";
import { createLogger } from "./logger.ts";

describe("a request that fails on the server's side", () => {
  it("is logged at error level with its cause, stack and request id, and the client sees none of it", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const t = await createTestApp({ logger: createLogger("info", sink) });
    // A database that has gone away: every query fails inside the procedure.
    await t.db.close();

    const res = await trpcRequest(t.app, "catalog.categories", undefined, { method: "GET" });
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id");
    const body = await res.text();
    expect(body).not.toMatch(/stack|sqlite|database/i);

    const failure = lines.find((line) => line.msg === "procedure failed");
    expect(failure).toMatchObject({ level: 50, requestId, procedure: "catalog.categories" });
    expect((failure!.err as { stack: string }).stack).toContain("Error");
    expect(lines.find((line) => line.msg === "request failed")).toMatchObject({ level: 50, requestId, status: 500 });
  });
});
