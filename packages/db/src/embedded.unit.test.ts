import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDb } from "./client.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { isMigrated, migrate } from "./migrate.ts";

describe("the embedded Postgres", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is reached with the pg driver, takes migrations, and keeps its data across a restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    const db = createPostgresDb(first.url, { max: 4 });
    await migrate(db);
    await db.orm.insert(db.tables.categories).values({ id: "cat_kept", slug: "kept", name: "Kept" });
    await db.close();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const again = createPostgresDb(second.url, { max: 4 });
    try {
      expect(await isMigrated(again)).toBe(true);
      const rows = await again.execute<{ slug: string }>(sql`select slug from categories`);
      expect(rows).toEqual([{ slug: "kept" }]);
    } finally {
      await again.close();
      await second.stop();
    }
  });

  it("refuses a second start on a live shop's data folder, naming the shop, and touches nothing", async () => {
    const fixture = fileURLToPath(new URL("./embedded-sigint.fixture.ts", import.meta.url));
    const liveDataDir = mkdtempSync(join(tmpdir(), "shopwright-embedded-live-"));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, liveDataDir], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = once(child, "exit");
      await expect.poll(() => output, { timeout: 60_000 }).toContain("ready");
      const second = await startEmbeddedPostgres({ dataDir: liveDataDir }).then(
        async (server) => {
          await server.stop();
          return "started a second server";
        },
        (error: Error) => error.message,
      );
      expect(second).toMatch(`${liveDataDir} is in use by a running shop (process ${child.pid}: `);
      expect(second).toContain("embedded-sigint");
      // The live shop's server was left alone: it still answers its owner.
      process.kill(child.pid!, "SIGINT");
      await exited;
      expect(output).toContain("after SIGINT: the database answered");
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      rmSync(liveDataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it("keeps serving through its owner's graceful stop when Ctrl-C signals the whole process group", async () => {
    const fixture = fileURLToPath(new URL("./embedded-sigint.fixture.ts", import.meta.url));
    const ctrlCDataDir = mkdtempSync(join(tmpdir(), "shopwright-embedded-sigint-"));
    // Its own process group, as a terminal gives a command it runs.
    const child = spawn(process.execPath, ["--import", "tsx", fixture, ctrlCDataDir], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = once(child, "exit");
      await expect.poll(() => output, { timeout: 60_000 }).toContain("ready");
      process.kill(-child.pid!, "SIGINT");
      const [code] = await exited;

      expect(output).toContain("after SIGINT: the database answered");
      expect(code).toBe(0);
      const serverPid = Number(/stopped (\d+)/.exec(output)?.[1]);
      expect(() => process.kill(serverPid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      rmSync(ctrlCDataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
