/**
 * The embedded Postgres: PGlite persisted under a data directory, served on a free loopback port
 * by pglite-socket, so the app and graphile-worker reach it with the same `pg` driver as a real
 * server. Every socket connection shares PGlite's single session (see docs/architecture.md).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A connection string for node-postgres. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  /** Where the database files live; omit for an in-memory database. */
  dataDir?: string;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  let location: string | undefined;
  if (options.dataDir) {
    location = join(options.dataDir, "pg");
    mkdirSync(location, { recursive: true });
  }
  const db = await PGlite.create(location);
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: options.maxConnections ?? 20,
  });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
