import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
});
