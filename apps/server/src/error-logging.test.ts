import { Writable } from "node:stream";
import { DATABASE_UNAVAILABLE } from "@shopwright/api/server";
import { createPostgresDb } from "@shopwright/db";
import { freePort } from "@shopwright/db/testing";
import { describe, expect, it } from "vitest";
import { createTestApp, trpcCall, trpcRequest } from "../test/harness.ts";
import { createLogger } from "./logger.ts";

/** A log destination that keeps each JSON line, parsed, for the test to read. */
function logLines() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, sink };
}

describe("a request that fails on the server's side", () => {
  it("is logged at error level with its cause, stack and request id, and the client sees none of it", async () => {
    const { lines, sink } = logLines();
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

describe("a database that does not answer", () => {
  it("is SERVICE_UNAVAILABLE with a sentence the shopper can act on, logged with its cause, and not ready", async () => {
    const { lines, sink } = logLines();
    // Nothing listens there: what a stopped or unreachable Postgres looks like to the pool.
    const down = createPostgresDb(`postgres://postgres@127.0.0.1:${await freePort()}/shop`, { max: 2 });
    const t = await createTestApp({ db: down, logger: createLogger("info", sink) });
    try {
      const res = await trpcCall(t.app, "catalog.search", { q: "lamp" }, { method: "GET" });
      expect(res.status).toBe(503);
      expect(res.code).toBe("SERVICE_UNAVAILABLE");
      expect(res.message).toBe(DATABASE_UNAVAILABLE);
      const requestId = res.headers.get("x-request-id");
      const failure = lines.find((line) => line.msg === "procedure failed");
      expect(failure).toMatchObject({ level: 50, requestId, procedure: "catalog.search" });
      expect(JSON.stringify(failure!.err)).toContain("ECONNREFUSED");
      expect((await t.app.request("/readyz")).status).toBe(503);
    } finally {
      await down.close();
    }
  });
});
