import { Writable } from "node:stream";
import { SECRET_FIELDS } from "@shopwright/jobs";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

describe("the server's logs", () => {
  it("leave out every field the shared rule names as secret, where the admin's job list masks it too", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info({ seed: "s3cr3t", input: { email: "ada@example.com", password: "hunter2hunter2" } }, "reset asked");
    logger.info({ req: { headers: { authorization: "Bearer abc.def", cookie: "sw_refresh=xyz" } } }, "request");
    const written = lines.join("");
    for (const secret of ["s3cr3t", "ada@example.com", "hunter2hunter2", "abc.def", "sw_refresh=xyz"]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain("reset asked");
    expect(SECRET_FIELDS).toEqual(expect.arrayContaining(["seed", "email", "password"]));
  });
});
