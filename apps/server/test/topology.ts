/**
 * The pieces of the scaled-out topology of docs/deploy.md that scale-out.test.ts and
 * `pnpm bench --topology` both start, from the files in deploy/: the settings files, child
 * processes whose output is kept for a failure's message, the primary and replica with
 * deploy/postgres, and HAProxy with deploy/haproxy.cfg and its stats page.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, startReplicatedPostgres } from "@shopwright/db/testing";
import { hasExited, type Proc, recentOutput, repoRoot, spawnProcess, startServer, until } from "./server-process.ts";
export const deployFile = (file: string) => join(repoRoot, "deploy", file);

/** A Postgres primary and its streaming replica, each with its settings file from deploy/postgres. */
export const startDatabases = () =>
  startReplicatedPostgres({
    primaryConf: deployFile("postgres/primary.conf"),
    replicaConf: deployFile("postgres/replica.conf"),
  });

/** KEY=VALUE lines of a deploy/*.env file. */
export function envFile(name: string): Record<string, string> {
  const lines = readFileSync(deployFile(name), "utf8").split("\n");
  return Object.fromEntries(
    lines
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** The processes one topology started, so that all of them are stopped and their logs at hand. */
export function processGroup() {
  const running: Proc[] = [];
  return {
    running,
    spawn(name: string, command: string, args: string[], env: Record<string, string>): Proc {
      const proc = spawnProcess(name, command, args, env);
      running.push(proc);
      return proc;
    },
    /** The shop's server from source, as the group's (`startServer`, ready when it returns). */
    async server(name: string, port: number, env: Record<string, string>) {
      const proc = await startServer({ name, port, build: "source", env });
      running.push(proc);
      return proc;
    },
    killAll() {
      for (const proc of running) if (!hasExited(proc)) proc.child.kill("SIGKILL");
    },
    /** Each process's last log lines: what a failure is explained by. */
    recentLogs: () => running.map((p) => `--- ${p.name}\n${recentOutput(p, 30)}`).join("\n"),
  };
}

export type ProcessGroup = ReturnType<typeof processGroup>;

/** Installs Debian's HAProxy when it is missing (scripts/ensure-haproxy.sh). */
export function ensureHaproxy() {
  execFileSync("sh", [join(repoRoot, "scripts/ensure-haproxy.sh")], { stdio: "inherit" });
}

export interface RunningProxy {
  url: string;
  proc: Proc;
  /** Waits until HAProxy's stats page shows the app server so. */
  sees(server: string, status: "UP" | "DOWN"): Promise<void>;
}

/**
 * HAProxy on deploy/haproxy.cfg at 127.0.0.1:`port` in front of its two app servers, `app1` and
 * `app2` (host:port each; one process given twice is one app behind the same proxy), once it sees
 * both UP.
 */
export async function startProxy(
  group: ProcessGroup,
  options: { port: number; apps: [string, string] },
): Promise<RunningProxy> {
  const { port: proxyPort, apps } = options;
  const statsPort = await freePort();
  const statsUrl = `http://127.0.0.1:${statsPort}`;
  const proc = group.spawn("haproxy", "haproxy", ["-f", deployFile("haproxy.cfg"), "-db"], {
    SHOP_BIND: `127.0.0.1:${proxyPort}`,
    SHOP_STATS: `127.0.0.1:${statsPort}`,
    SHOP_APP1: apps[0],
    SHOP_APP2: apps[1],
  });
  /** What HAProxy's stats page says of each app server: UP, DOWN, … */
  const view = async () => {
    const [header, ...rows] = (await (await fetch(`${statsUrl}/stats;csv`)).text()).trim().split("\n");
    const columns = header!.replace(/^# /, "").split(",");
    const at = (name: string) => columns.indexOf(name);
    return Object.fromEntries(
      rows
        .map((row) => row.split(","))
        .filter((cells) => cells[at("pxname")] === "apps" && /^app\d$/.test(cells[at("svname")]!))
        .map((cells) => [cells[at("svname")]!, cells[at("status")]!]),
    );
  };
  await until("HAProxy to see both apps UP", async () => Object.values(await view()).join() === "UP,UP", [proc]);
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    proc,
    sees: (server, status) =>
      until(`HAProxy to see ${server} ${status}`, async () => (await view())[server] === status),
  };
}
