/**
 * The read replica's pool (DATABASE_READ_URL), checked once when the server starts; where its reads
 * go afterwards is catalog-reads.ts.
 */
import { createPostgresDb, isDatabaseUnreachable, type PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { EnvError } from "./env.ts";
import type { AppLogger } from "./logger.ts";

/**
 * The replica's pool, checked once at start: a wrong password or database name, or a server that
 * is not a replica (the primary under another name), stops the start with a sentence; a replica
 * that is merely down is no reason not to start, since catalog reads fall back to the primary.
 */
export async function openReplica(url: string, logger: AppLogger, stopping: () => boolean): Promise<PostgresDb> {
  const replica = createPostgresDb(url, {
    max: 20,
    // A replica that does not answer is skipped for the primary, so waiting long for it helps nobody.
    connectionTimeoutMs: 1_000,
    onError: (error) => {
      if (!stopping()) logger.warn({ err: error }, "a read replica connection failed; it is replaced on next use");
    },
  });
  try {
    const [row] = await replica.execute<{ standby: boolean }>(sql`select pg_is_in_recovery() as standby`);
    if (!row?.standby) {
      throw new EnvError(
        `DATABASE_READ_URL: ${redactPassword(url)} accepts writes, so it is not a replica; point it at a streaming replica of DATABASE_URL, or leave it unset`,
      );
    }
    logger.info({ url: redactPassword(url) }, "public catalog reads go to the read replica at DATABASE_READ_URL");
  } catch (error) {
    if (!(error instanceof EnvError) && isDatabaseUnreachable(error)) {
      logger.warn(
        { err: error },
        "the read replica at DATABASE_READ_URL does not answer: catalog reads use the primary until it does",
      );
      return replica;
    }
    await replica.close();
    if (error instanceof EnvError) throw error;
    throw new EnvError(`DATABASE_READ_URL: cannot use ${redactPassword(url)}: ${rootMessage(error)}`);
  }
  return replica;
}

/** A database URL fit for the log: the password masked. */
export function redactPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** The driver's own words ("password authentication failed …"), not the query wrapper's. */
function rootMessage(error: unknown): string {
  let current = error as { message?: string; cause?: unknown };
  while (current.cause instanceof Error) current = current.cause;
  return current.message ?? String(error);
}
