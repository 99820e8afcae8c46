/**
 * The server under test, as `pnpm start` runs it (the compiled dist/main.js, NODE_ENV=production), one or more
 * processes on consecutive ports, and a sampler that reads their memory and CPU from /proc.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { startServer, stopProcess } from "../test/server-process.ts";

const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

export interface ServerOptions {
  databaseUrl: string;
  firstPort: number;
  processes: number;
  dataDir: string;
  /** Writes a V8 CPU profile per process into this folder when the process exits. */
  cpuProfileDir?: string;
  /** The catalog response cache on (the default size) or off. */
  catalogCache: boolean;
  /** Settings over the bench's own, e.g. a topology's deploy/app.env and DATABASE_READ_URL. */
  env?: Record<string, string>;
}

export interface RunningServers {
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/**
 * Rate limits off (the load comes from one address) and the job worker off (it would compete for
 * the same two cores with work the scenarios did not ask for); secrets fixed, as production needs;
 * the ceiling procedure on; the catalog cache on or off as asked.
 */
export async function startServers(options: ServerOptions): Promise<RunningServers> {
  const ports = Array.from({ length: options.processes }, (_, i) => options.firstPort + i);
  const started = await Promise.allSettled(
    ports.map((port, i) =>
      startServer({
        name: `server${i + 1}`,
        port,
        build: "dist",
        nodeArgs: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
        env: {
          NODE_ENV: "production",
          DATABASE_URL: options.databaseUrl,
          DATA_DIR: options.dataDir,
          JWT_SECRET: "bench-jwt-secret-bench-jwt-secret-0123456789",
          WEBHOOK_SECRET: "bench-webhook-secret-0123456789",
          ADMIN_PASSWORD: "bench admin password",
          RATE_LIMITS: "off",
          BENCH_CEILING: "on",
          ...(options.catalogCache ? {} : { CATALOG_CACHE_MB: "0" }),
          WORKER: "off",
          SEED: "off",
          LOG_LEVEL: "warn",
          ...options.env,
        },
      }),
    ),
  );
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stop = async () => {
    await Promise.all(servers.map((server) => stopProcess(server)));
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { urls: servers.map((server) => server.url), pids: servers.map((server) => server.child.pid!), stop };
}

export interface Usage {
  /** The highest sum of the server processes' resident memory seen, in MiB. */
  peakRssMiB: number;
  /** Server CPU time over wall time for the whole window, in % of one core (200% = two cores). */
  averageCpuPercent: number;
  /** The same over the busiest sampling interval. */
  peakCpuPercent: number;
  /** CPU of the database's processes over the window, in % of one core. */
  databaseCpuPercent: number;
  /** The whole machine's busy share over the window (everything, other users too), in %. */
  machineCpuPercent: number;
  /** The machine's 1-minute load average when the window closed: how contended the cores were. */
  loadAverage: number;
}

/**
 * Samples the server processes, and the database processes `databasePids` names (they come and
 * go with the pool's connections), every `intervalMs` until `stop()`, which returns what it saw.
 */
export function sampleUsage(pids: number[], databasePids: () => Promise<number[]>, intervalMs = 500) {
  const startedAt = performance.now();
  const startCpu = cpuTicks(pids);
  const startMachine = machineTicks();
  const databaseTicks = new Map<number, number>();
  let databaseTotal = 0;
  let peakRss = 0;
  let peakCpu = 0;
  let lastTicks = startCpu;
  let lastAt = startedAt;

  const take = async () => {
    const now = performance.now();
    const ticks = cpuTicks(pids);
    peakRss = Math.max(peakRss, rssBytes(pids));
    const seconds = (now - lastAt) / 1000;
    if (seconds > 0) peakCpu = Math.max(peakCpu, ((ticks - lastTicks) / CLOCK_TICKS_PER_SECOND / seconds) * 100);
    lastTicks = ticks;
    lastAt = now;
    // A database process is counted from the first sample that sees it.
    for (const pid of await databasePids()) {
      const current = cpuTicks([pid]);
      const previous = databaseTicks.get(pid);
      if (previous !== undefined) databaseTotal += Math.max(0, current - previous);
      databaseTicks.set(pid, current);
    }
  };
  let pending = take();
  const timer = setInterval(() => {
    pending = pending.then(take);
  }, intervalMs);

  return {
    async stop(): Promise<Usage> {
      clearInterval(timer);
      await pending;
      await take();
      const seconds = (performance.now() - startedAt) / 1000;
      const endMachine = machineTicks();
      const busy = endMachine.busy - startMachine.busy;
      const total = busy + endMachine.idle - startMachine.idle;
      return {
        peakRssMiB: peakRss / 1024 / 1024,
        averageCpuPercent: ((lastTicks - startCpu) / CLOCK_TICKS_PER_SECOND / seconds) * 100,
        peakCpuPercent: peakCpu,
        databaseCpuPercent: (databaseTotal / CLOCK_TICKS_PER_SECOND / seconds) * 100,
        machineCpuPercent: total > 0 ? (busy / total) * 100 : 0,
        loadAverage: loadavg()[0]!,
      };
    },
  };
}

/** utime + stime of each process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pids: number[]) {
  return pids.reduce((sum, pid) => {
    const stat = readProc(`/proc/${pid}/stat`);
    if (!stat) return sum;
    // The command name (field 2) may hold spaces; count fields from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return sum + Number(fields[11]) + Number(fields[12]);
  }, 0);
}

/** The resident memory of these processes together, from /proc. */
export function rssBytes(pids: number[]) {
  return pids.reduce((sum, pid) => {
    const statm = readProc(`/proc/${pid}/statm`);
    return statm ? sum + Number(statm.split(" ")[1]) * PAGE_BYTES : sum;
  }, 0);
}

function machineTicks() {
  const cpu = (readProc("/proc/stat") ?? "").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const busy = cpu.reduce((a, b) => a + b, 0) - idle;
  return { busy, idle };
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
