import { Writable } from "node:stream";
import { createTestDb } from "@shopwright/db/testing";
import { SECRET_FIELDS } from "@shopwright/jobs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger("info", sink), written: () => lines.join("") };
}

describe("the server's logs", () => {
  it("say which query failed and the database's code, never its parameters or the values it quotes", async () => {
    const db = await createTestDb();
    const email = "ada.lovelace@example.com";
    const error = await db.orm.execute(sql`select ${email}::int as n`).catch((e: unknown) => e);
    await db.close();
    const { logger, written } = capture();
    logger.child({ requestId: "req_test" }).error({ err: error }, "procedure failed");
    const line = JSON.parse(written());
    expect(line).toMatchObject({ requestId: "req_test", err: { code: "22P02", query: "select $1::int as n" } });
    expect(line.err.stack).toMatch(/^QueryError: A query failed with 22P02\n\s+at /);
    expect(written()).not.toContain("ada.lovelace");
  });

  it("leave out every field the shared rule names as secret, where the admin's job list masks it too", () => {
    const { logger, written: all } = capture();
    logger.info({ seed: "s3cr3t", input: { email: "ada@example.com", password: "hunter2hunter2" } }, "reset asked");
    logger.info({ req: { headers: { authorization: "Bearer abc.def", cookie: "sw_refresh=xyz" } } }, "request");
    const written = all();
    for (const secret of ["s3cr3t", "ada@example.com", "hunter2hunter2", "abc.def", "sw_refresh=xyz"]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain("reset asked");
    expect(SECRET_FIELDS).toEqual(expect.arrayContaining(["seed", "email", "password"]));
  });
});
