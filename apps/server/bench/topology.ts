/**
 * `pnpm bench --topology`: the catalog reads through the scaled-out topology of docs/deploy.md,
 * started as scale-out.test.ts starts it (test/topology.ts, the files in deploy/), beside the
 * single default process on the same primary in the same run.
 */
import { createPostgresDb, type Db } from "@shopwright/db";
import { freePort } from "@shopwright/db/testing";
import { sql } from "drizzle-orm";
import { envFile, processGroup, startProxy } from "../test/topology.ts";
import type { ScenarioFigures } from "./report.ts";
import { type RunningServers, startServers } from "./server.ts";

export interface TopologySetup {
  name: string;
  /** App processes; behind HAProxy or, for the baseline, answering the load directly. */
  processes: 1 | 2;
  proxy: boolean;
  /** DATABASE_READ_URL set to the streaming replica. */
  replica: boolean;
}

/** The baseline first: the ratios are to it. */
export const TOPOLOGY_SETUPS: TopologySetup[] = [
  { name: "one process, no proxy (baseline)", processes: 1, proxy: false, replica: false },
  { name: "HAProxy, 1 app", processes: 1, proxy: true, replica: false },
  { name: "HAProxy, 2 apps", processes: 2, proxy: true, replica: false },
  { name: "HAProxy, 1 app, replica", processes: 1, proxy: true, replica: true },
  { name: "HAProxy, 2 apps, replica", processes: 2, proxy: true, replica: true },
];

export interface TopologyRow {
  setup: string;
  figures: ScenarioFigures;
}

/**
 * The setup's app processes (the bench's settings, plus deploy/app.env behind the proxy, plus
 * DATABASE_READ_URL with the replica), and HAProxy in front of them when the setup has it; the
 * load goes to the proxy, and the proxy's CPU counts with the apps'.
 */
export async function startSetup(
  setup: TopologySetup,
  options: { databaseUrl: string; replicaUrl: string; firstPort: number; dataDir: string },
): Promise<RunningServers> {
  const apps = await startServers({
    databaseUrl: options.databaseUrl,
    firstPort: options.firstPort,
    dataDir: options.dataDir,
    processes: setup.processes,
    // Uncached: every read reaches a database, which is what the replica takes off the primary.
    catalogCache: false,
    env: {
      ...(setup.proxy ? envFile("app.env") : {}),
      ...(setup.replica ? { DATABASE_READ_URL: options.replicaUrl } : {}),
    },
  });
  if (!setup.proxy) return apps;
  const group = processGroup();
  try {
    const addresses = apps.urls.map((url) => new URL(url).host);
    const proxy = await startProxy(group, {
      port: await freePort(),
      apps: [addresses[0]!, addresses[1] ?? addresses[0]!],
    });
    return {
      urls: [proxy.url],
      pids: [...apps.pids, proxy.proc.child.pid!],
      async stop() {
        group.killAll();
        await apps.stop();
      },
    };
  } catch (error) {
    group.killAll();
    await apps.stop();
    throw new Error(`HAProxy did not start:\n${group.recentLogs()}`, { cause: error });
  }
}

/** The processes serving `databaseUrl`'s database on the replica whose server `replicaUrl` names. */
export function replicaBackends(replicaUrl: string, databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin: Db = createPostgresDb(replicaUrl, { max: 1 });
  return {
    async pids() {
      const rows = await admin.execute<{ pid: number }>(
        sql`select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`,
      );
      return rows.map((row) => Number(row.pid));
    },
    close: () => admin.close(),
  };
}

/** The same database on the replica's server. */
export function onReplica(replicaUrl: string, databaseUrl: string): string {
  const url = new URL(replicaUrl);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}

const ms = (value: number) => value.toFixed(2);

/** Each scenario's rows, with req/s and p95 as ratios to the baseline's (the first setup). */
export function topologyTable(rows: TopologyRow[], scenario: string): string {
  const mine = rows.filter((row) => row.figures.scenario === scenario);
  const baseline = mine[0]?.figures;
  const lines = [
    "| setup | req/s | ÷ baseline | p50 ms | p95 ms | p95 ÷ baseline | errors | apps + proxy CPU % | primary CPU % | replica CPU % | machine CPU % | load avg |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { setup, figures } of mine) {
    const ratio = (value: number, of: number | undefined) => (of ? `${(value / of).toFixed(2)}×` : "–");
    lines.push(
      `| ${setup} | ${figures.requestsPerSecond.toFixed(1)} | ${ratio(figures.requestsPerSecond, baseline?.requestsPerSecond)} | ${ms(figures.latency.p50)} | ${ms(figures.latency.p95)} | ${ratio(figures.latency.p95, baseline?.latency.p95)} | ${figures.errors} | ${figures.usage.averageCpuPercent.toFixed(1)} | ${figures.usage.databaseCpuPercent.toFixed(1)} | ${(figures.replicaCpuPercent ?? 0).toFixed(1)} | ${figures.usage.machineCpuPercent.toFixed(1)} | ${figures.usage.loadAverage.toFixed(2)} |`,
    );
  }
  return lines.join("\n");
}
