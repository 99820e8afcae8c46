import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A copy of a dialect's migrations folder that stops just before the one whose SQL holds
 * `statement`: what an older build migrated a database to, for testing a migration on its data.
 * The caller removes the folder.
 */
export function migrationsBefore(dialect: "pg" | "sqlite", statement: string): string {
  const migrations = fileURLToPath(new URL(`../../migrations/${dialect}`, import.meta.url));
  const journal = JSON.parse(readFileSync(join(migrations, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) =>
    readFileSync(join(migrations, `${e.tag}.sql`), "utf8").includes(statement),
  );
  if (index < 1) throw new Error(`No migration after the first holds ${statement}`);
  const dir = mkdtempSync(join(tmpdir(), "sw-migrations-"));
  cpSync(migrations, dir, { recursive: true });
  writeFileSync(
    join(dir, "meta/_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }),
  );
  return dir;
}
