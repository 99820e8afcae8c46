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
import { catalogTables } from "./tables/catalog.ts";

describe("the embedded Postgres", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "shopwright-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is reached with the pg driver, takes migrations, and keeps its data across a restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    const db = createPostgresDb(first.url, { max: 4 });
    await migrate(db);
    await db.orm.insert(catalogTables(db).categories).values({ id: "cat_kept", slug: "kept", name: "Kept" });
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

  /**
   * A shop of its own, as a terminal runs a command (in its own process group): it starts the
   * embedded server on a fresh data folder, says "ready", and on SIGINT still uses its database.
   */
  async function shopProcess(name: string) {
    const fixture = fileURLToPath(new URL("./embedded-sigint.fixture.ts", import.meta.url));
    const folder = mkdtempSync(join(tmpdir(), `shopwright-embedded-${name}-`));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, folder], {
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = once(child, "exit");
    const cleanUp = () => {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      rmSync(folder, { recursive: true, force: true });
    };
    try {
      await expect.poll(() => output, { timeout: 60_000 }).toContain("ready");
    } catch (error) {
      cleanUp();
      throw error;
    }
    return { child, folder, exited, output: () => output, cleanUp };
  }

  it("refuses a second start on a live shop's data folder, naming the shop, and touches nothing", async () => {
    const shop = await shopProcess("live");
    try {
      const second = await startEmbeddedPostgres({ dataDir: shop.folder }).then(
        async (server) => {
          await server.stop();
          return "started a second server";
        },
        (error: Error) => error.message,
      );
      expect(second).toMatch(`${shop.folder} is in use by a running shop (process ${shop.child.pid}: `);
      expect(second).toContain("embedded-sigint");
      // The live shop's server was left alone: it still answers its owner.
      process.kill(shop.child.pid!, "SIGINT");
      await shop.exited;
      expect(shop.output()).toContain("after SIGINT: the database answered");
    } finally {
      shop.cleanUp();
    }
  }, 90_000);

  it("keeps serving through its owner's graceful stop when Ctrl-C signals the whole process group", async () => {
    const shop = await shopProcess("sigint");
    try {
      process.kill(-shop.child.pid!, "SIGINT");
      const [code] = await shop.exited;

      expect(shop.output()).toContain("after SIGINT: the database answered");
      expect(code).toBe(0);
      const serverPid = Number(/stopped (\d+)/.exec(shop.output())?.[1]);
      expect(() => process.kill(serverPid, 0)).toThrow();
    } finally {
      shop.cleanUp();
    }
  }, 90_000);
});
