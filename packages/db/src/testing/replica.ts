/**
 * A Postgres primary and one streaming replica on loopback, from the embedded binaries, for tests
 * of read routing and of the scaled-out topology. The replica starts from a copy of the primary's
 * cluster taken while the primary is stopped cleanly (a valid base backup without pg_basebackup,
 * which the embedded packages do not ship), then streams the primary's WAL as any hot standby does.
 */
import { execFile } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../embedded.ts";
import { freePort } from "../free-port.ts";

const run = promisify(execFile);

export interface ReplicatedPostgres {
  /** Superuser URLs to the `postgres` database of each server. */
  primaryUrl: string;
  replicaUrl: string;
  /** Stops or restarts the replica (same port, same data), as an outage would. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Pauses or resumes the replica's WAL replay: it keeps answering, from an older snapshot. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary had committed when asked. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicatedPostgresOptions {
  /** Postgres settings files included by each server (the topology's own, from deploy/). */
  primaryConf?: string;
  replicaConf?: string;
}

export async function startReplicatedPostgres(options: ReplicatedPostgresOptions = {}): Promise<ReplicatedPostgres> {
  const base = mkdtempSync(join(tmpdir(), "shopwright-replicated-"));
  const primaryDir = join(base, "primary");
  const replicaDir = join(base, "replica");
  const primaryPort = await freePort();
  const replicaPort = await freePort();

  const first = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort });
  await first.stop();
  if (options.primaryConf) include(join(primaryDir, "postgres"), options.primaryConf);
  // `cp -a` keeps the owner: as root, the clusters belong to the `postgres` user.
  await run("cp", ["-a", primaryDir, replicaDir]);
  const replicaCluster = join(replicaDir, "postgres");
  if (options.replicaConf) include(replicaCluster, options.replicaConf);
  const password = new URL(first.url).password;
  appendFileSync(
    join(replicaCluster, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${decodeURIComponent(password)} application_name=replica'\n`,
  );
  writeFileSync(join(replicaCluster, "standby.signal"), "");

  const primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort });
  let replica: EmbeddedPostgres | undefined;
  const startReplica = async () => {
    replica = await startEmbeddedPostgres({ dataDir: replicaDir, port: replicaPort });
  };
  await startReplica();

  const on = async <T>(url: string, text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const handle: ReplicatedPostgres = {
    primaryUrl: primary.url,
    replicaUrl: replica!.url,
    async stopReplica() {
      await replica?.stop();
      replica = undefined;
    },
    startReplica,
    async pauseReplay() {
      await on(handle.replicaUrl, "select pg_wal_replay_pause()");
    },
    async resumeReplay() {
      await on(handle.replicaUrl, "select pg_wal_replay_resume()");
    },
    async caughtUp() {
      const [{ lsn } = { lsn: "0/0" }] = await on<{ lsn: string }>(
        primary.url,
        "select pg_current_wal_lsn()::text as lsn",
      );
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [{ done } = { done: false }] = await on<{ done: boolean }>(
          handle.replicaUrl,
          `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`,
        );
        if (done) return;
        if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${lsn} in 30 s`);
        await new Promise((wake) => setTimeout(wake, 25));
      }
    },
    async stop() {
      await replica?.stop();
      await primary.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
  // Streaming has begun once the replica has replayed the primary's latest position.
  await handle.caughtUp();
  return handle;
}

function include(cluster: string, file: string): void {
  appendFileSync(join(cluster, "postgresql.conf"), `include '${file}'\n`);
}
