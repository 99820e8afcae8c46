/**
 * `pnpm bench`: seeds a catalog and customers, starts the server, drives each scenario with
 * autocannon from a separate process (warm-up, then a fixed measured time), samples the server's
 * memory and CPU, verifies the database, and prints Markdown tables (also written, with every raw
 * figure as JSON, under .artifacts/bench/).
 *
 * The catalog reads (search-*, product) run twice, with the catalog response cache off (cold)
 * and on (warm), each session beside the `ceiling` scenario, and are reported as a ratio to it.
 *
 *   pnpm bench [--connections 10] [--duration 15] [--warmup 3] [--products 10000] [--customers 200]
 *              [--scenarios search-all,product,...] [--scaling] [--cpu-prof mixed] [--port 3190] [--keep-db]
 *   pnpm bench --topology [--products 100000] [--scenarios search-word,product] [...]
 *
 * BENCH_DATABASE_URL (a Postgres server; the bench creates and drops its own database there) or,
 * unset, an embedded Postgres. `--scaling` adds the curves: the search scenarios at 1,000, 10,000
 * and 100,000 products, and the mixed workload on 1, 2 and 4 server processes (Postgres only).
 *
 * `--topology` measures only the catalog reads, uncached, through the scaled-out topology
 * (bench/topology.ts): an embedded primary and streaming replica, 1 or 2 app processes behind
 * HAProxy, with and without DATABASE_READ_URL, beside one process on the primary without a proxy.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createShopClient } from "@shopwright/client";
import { ensureHaproxy, startDatabases } from "../test/topology.ts";
import { type BenchDatabase, catalogFacts, clearCarts, openDatabase, seed, stockSnapshot, verify } from "./database.ts";
import type { LoadJob, LoadResult } from "./load.ts";
import { summarizeProfile } from "./profile.ts";
import { ceilingTable, figures, procedureTable, profileTable, type ScenarioFigures, scenarioTable } from "./report.ts";
import { CATALOG_SCENARIOS, type Fixture, scenarios } from "./scenarios.ts";
import { type RunningServers, rssBytes, sampleUsage, startServers, type Usage } from "./server.ts";
import {
  onReplica,
  replicaBackends,
  startSetup,
  TOPOLOGY_SETUPS,
  type TopologyRow,
  topologyTable,
} from "./topology.ts";

const { values: flags } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    products: { type: "string" },
    customers: { type: "string", default: "200" },
    scenarios: { type: "string" },
    scaling: { type: "boolean", default: false },
    topology: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    port: { type: "string", default: "3190" },
    "keep-db": { type: "boolean", default: false },
  },
});

const options = {
  connections: positive(flags.connections, "--connections"),
  duration: positive(flags.duration, "--duration"),
  warmup: positive(flags.warmup, "--warmup"),
  products: positive(flags.products ?? (flags.topology ? "100000" : "10000"), "--products"),
  customers: positive(flags.customers, "--customers"),
  port: positive(flags.port, "--port"),
  scenarios: (flags.scenarios ?? (flags.topology ? "search-word,product" : scenarios.map((s) => s.name).join(",")))
    .split(",")
    .map((name) => name.trim()),
};
for (const name of options.scenarios) {
  if (!scenarios.some((s) => s.name === name)) throw new Error(`Unknown scenario ${name}`);
  if (flags.topology && !CATALOG_SCENARIOS.includes(name))
    throw new Error(`--topology measures the catalog reads (${CATALOG_SCENARIOS.join(", ")}), not ${name}`);
}
if (flags.topology && (flags.scaling || flags["cpu-prof"]))
  throw new Error("--topology runs on its own, without --scaling or --cpu-prof");
if (options.connections > options.customers) throw new Error("--connections may not exceed --customers");

const serverDir = fileURLToPath(new URL("../", import.meta.url));
const artifacts = join(serverDir, "../../.artifacts/bench");
const scratch = mkdtempSync(join(tmpdir(), "shopwright-bench-"));
const SEARCH_SCENARIOS = ["search-all", "search-word", "search-filtered"];
const PROCESS_COUNTS = [1, 2, 4];
const CATALOG_SIZES = [1_000, 10_000, 100_000];
/** Checkouts answered 2xx, over every run, to set beside the orders the database holds. */
let checkoutsAcknowledged = 0;

const machine = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGiB: totalmem() / 1024 ** 3,
  node: process.version,
  database: flags.topology
    ? "embedded Postgres primary and streaming replica"
    : process.env.BENCH_DATABASE_URL
      ? "Postgres server (BENCH_DATABASE_URL)"
      : "embedded Postgres",
  command: `pnpm bench ${process.argv.slice(2).join(" ")}`.trim(),
  options,
};
console.log(
  `${machine.date} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGiB.toFixed(1)} GiB · Node ${machine.node} · ${machine.database}`,
);

const report: {
  machine: typeof machine;
  seed?: unknown;
  scenarios: ScenarioFigures[];
  /** The catalog reads and the ceiling with the catalog cache off. */
  cold: ScenarioFigures[];
  verification?: unknown;
  catalogScaling: ScenarioFigures[];
  processScaling: ScenarioFigures[];
  topology: TopologyRow[];
  searchWords: string[];
  profile?: { scenario: string; figures: ScenarioFigures; summary: ReturnType<typeof summarizeProfile> };
  /** The server's resident memory once started and before any load. */
  idleRssMiB?: number;
} = { machine, scenarios: [], cold: [], catalogScaling: [], processScaling: [], topology: [], searchWords: [] };

try {
  if (flags.topology) await topologyRun();
  else await standardRun();
  publish();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Each setup of TOPOLOGY_SETUPS in turn on one primary and its replica, the catalog reads uncached. */
async function topologyRun() {
  ensureHaproxy();
  const databases = await startDatabases();
  try {
    const main = await prepareDatabase(options.products, "topology", databases.primaryUrl);
    const replica = replicaBackends(databases.replicaUrl, main.database.url);
    try {
      // The replica serves reads only once it has replayed the seeded catalog.
      await databases.caughtUp();
      const fixture = { ...(await catalogFacts(main.database.db)), accessTokens: [] };
      for (const setup of TOPOLOGY_SETUPS) {
        const servers = await startSetup(setup, {
          databaseUrl: main.database.url,
          replicaUrl: onReplica(databases.replicaUrl, main.database.url),
          firstPort: options.port,
          dataDir: join(scratch, "server"),
        });
        console.log(`${setup.name}:`);
        try {
          for (const name of options.scenarios) {
            const row = await measure(
              name,
              servers,
              fixture,
              main.database,
              {
                products: main.facts.products,
                processes: setup.processes,
                replicaPids: replica.pids,
              },
              "cold",
            );
            report.topology.push({ setup: setup.name, figures: row });
          }
        } finally {
          await servers.stop();
        }
      }
    } finally {
      await replica.close();
      await main.database.close();
    }
  } finally {
    await databases.stop();
  }
}

async function standardRun() {
  const main = await prepareDatabase(options.products, "main");
  try {
    const before = await stockSnapshot(main.database.db);
    const setup = { products: main.facts.products, processes: 1 };
    // The catalog reads first with the response cache off, beside the ceiling in the same session.
    const cold = options.scenarios.filter((name) => CATALOG_SCENARIOS.includes(name));
    if (cold.length > 0) {
      await withServers(main.database, { processes: 1, catalogCache: false }, async (servers, fixture) => {
        for (const name of ["ceiling", ...cold]) {
          report.cold.push(await measure(name, servers, fixture, main.database, setup, "cold"));
        }
      });
    }
    await withServers(main.database, { processes: 1, catalogCache: true }, async (servers, fixture) => {
      report.idleRssMiB = rssBytes(servers.pids) / 1024 ** 2;
      console.log(`Server RSS at idle: ${report.idleRssMiB.toFixed(0)} MiB`);
      for (const name of options.scenarios) {
        report.scenarios.push(await measure(name, servers, fixture, main.database, setup, "warm"));
      }
    });
    if (flags["cpu-prof"]) {
      const scenario = flags["cpu-prof"];
      let profiled: ScenarioFigures | undefined;
      const dir = join(scratch, "profiles");
      // A catalog read is profiled uncached: cached, the profile would show the cache, not the read.
      await withServers(
        main.database,
        { processes: 1, catalogCache: !CATALOG_SCENARIOS.includes(scenario), cpuProfileDir: dir },
        async (servers, fixture) => {
          profiled = await measure(scenario, servers, fixture, main.database, {
            products: main.facts.products,
            processes: 1,
          });
        },
      );
      if (!profiled) throw new Error("The profiled run measured nothing");
      const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
      if (!file) throw new Error("The server wrote no CPU profile");
      mkdirSync(artifacts, { recursive: true });
      const kept = join(artifacts, `${scenario}.cpuprofile`);
      rmSync(kept, { force: true });
      copyFileSync(join(dir, file), kept);
      report.profile = { scenario, figures: profiled, summary: summarizeProfile(kept, profiled.window) };
    }

    if (flags.scaling) {
      for (const processes of PROCESS_COUNTS) {
        await clearCarts(main.database.db);
        await withServers(main.database, { processes, catalogCache: true }, async (servers, fixture) => {
          report.processScaling.push(
            await measure("mixed", servers, fixture, main.database, { products: main.facts.products, processes }),
          );
        });
      }
    }

    // Every server has stopped, so no checkout is still in flight.
    const verification = await verify(main.database.db, before);
    report.verification = { ...verification, checkoutsAcknowledged };
    console.log(`Database check ${verification.ok ? "passed" : "FAILED"}: ${JSON.stringify(report.verification)}`);
    if (!verification.ok) process.exitCode = 1;
  } finally {
    await main.database.close();
  }

  if (flags.scaling) {
    for (const products of CATALOG_SIZES) {
      const sized = await prepareDatabase(products, `catalog-${products}`);
      try {
        // Uncached: the curve is the database's search, not the cache's.
        await withServers(sized.database, { processes: 1, catalogCache: false }, async (servers, fixture) => {
          for (const name of SEARCH_SCENARIOS) {
            report.catalogScaling.push(
              await measure(
                name,
                servers,
                fixture,
                sized.database,
                { products: sized.facts.products, processes: 1 },
                "cold",
              ),
            );
          }
        });
      } finally {
        await sized.database.close();
      }
    }
  }
}

async function prepareDatabase(products: number, label: string, primaryUrl?: string) {
  const database = await openDatabase({ dataDir: join(scratch, label), keep: flags["keep-db"], primaryUrl });
  const started = performance.now();
  const seeded = await seed(database.db, products, join(scratch, label, "media"));
  console.log(
    `Seeded ${seeded.products} products in ${seeded.categories} categories (${((performance.now() - started) / 1000).toFixed(1)} s) on ${database.kind}`,
  );
  if (label === "main") report.seed = seeded;
  const facts = await catalogFacts(database.db);
  const words = `"${facts.commonWord}" in ${facts.wordCounts.commonWord} and "${facts.filterWord}" in ${facts.wordCounts.filterWord} of ${facts.products} active product names`;
  console.log(`Search words: ${words}`);
  report.searchWords.push(`${label}: ${words}`);
  return { database, facts };
}

/** Starts `processes` servers on the database, signs the customers in, runs `body`, stops them. */
async function withServers(
  database: BenchDatabase,
  server: { processes: number; catalogCache: boolean; cpuProfileDir?: string },
  body: (servers: RunningServers, fixture: Fixture) => Promise<void>,
) {
  const servers = await startServers({
    databaseUrl: database.url,
    firstPort: options.port,
    dataDir: join(scratch, "server"),
    ...server,
  });
  try {
    const facts = await catalogFacts(database.db);
    await body(servers, { ...facts, accessTokens: await signInCustomers(servers.urls[0]!) });
  } finally {
    await servers.stop();
  }
}

/** Registers the customers on first use, else signs them in: access tokens live 15 minutes. */
async function signInCustomers(url: string): Promise<string[]> {
  const tokens: string[] = new Array(options.customers);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.customers; i = next++) {
      const shop = createShopClient({ url });
      const account = {
        email: `bench-customer-${i}@bench.test`,
        password: `bench password ${i}`,
        name: `Customer ${i}`,
      };
      const signedIn = await shop.login(account).catch(() => shop.register(account));
      tokens[i] = signedIn.accessToken;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  console.log(`Signed in ${options.customers} customers (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return tokens;
}

async function measure(
  scenario: string,
  servers: RunningServers,
  fixture: Fixture,
  database: BenchDatabase,
  setup: { products: number; processes: number; replicaPids?: () => Promise<number[]> },
  cache: "cold" | "warm" = "warm",
): Promise<ScenarioFigures> {
  const { replicaPids, ...shape } = setup;
  if (scenario.startsWith("cart") || scenario === "checkout" || scenario === "mixed") await clearCarts(database.db);
  const job: LoadJob = {
    urls: servers.urls,
    scenario,
    connections: options.connections,
    warmupSeconds: options.warmup,
    durationSeconds: options.duration,
    fixture,
  };
  const jobFile = join(scratch, `job-${scenario}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const child = spawn(process.execPath, ["--import", "tsx", "bench/load.ts", jobFile], {
    cwd: serverDir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Listen before reading: the process may close while a line is still being handled.
  const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
  let sampler: ReturnType<typeof sampleUsage> | undefined;
  let replicaSampler: ReturnType<typeof sampleUsage> | undefined;
  let result: LoadResult | undefined;
  let usage: Usage | undefined;
  let replicaCpuPercent: number | undefined;
  const window = { from: 0, until: 0 };
  for await (const line of createInterface({ input: child.stdout! })) {
    const message = JSON.parse(line) as { phase: string; result?: LoadResult };
    if (message.result) checkoutsAcknowledged += message.result.procedures["orders.checkout"]?.ok.length ?? 0;
    if (message.phase === "measure") {
      window.from = Number(process.hrtime.bigint() / 1000n);
      sampler = sampleUsage(servers.pids, () => database.processIds());
      if (replicaPids) replicaSampler = sampleUsage([], replicaPids);
    }
    if (message.phase === "result") {
      window.until = Number(process.hrtime.bigint() / 1000n);
      usage = await sampler?.stop();
      replicaCpuPercent = (await replicaSampler?.stop())?.databaseCpuPercent;
      result = message.result;
    }
  }
  const code = await closed;
  if (!result || !usage) throw new Error(`The load generator for ${scenario} exited with ${code} and no result`);
  const row = {
    ...figures(result, usage, window, { ...shape, connections: options.connections }),
    ...(replicaCpuPercent === undefined ? {} : { replicaCpuPercent }),
  };
  console.log(
    `${cache} ${scenario.padEnd(16)} ${row.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${row.latency.p50.toFixed(2)}  p95 ${row.latency.p95.toFixed(2)}  p99 ${row.latency.p99.toFixed(2)} ms  errors ${row.errors}  RSS ${row.usage.peakRssMiB.toFixed(0)} MiB  CPU ${row.usage.averageCpuPercent.toFixed(0)} %`,
  );
  for (const sample of row.errorSamples) console.log(`  error: ${sample}`);
  return row;
}

function publish() {
  if (report.topology.length > 0) {
    publishTopology();
    return;
  }
  const sections = [
    `# Shopwright bench, ${machine.date}`,
    "",
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, ${machine.database}.`,
    `\`${machine.command}\`: ${options.connections} connections, ${options.warmup} s warm-up, ${options.duration} s measured per scenario.`,
    "",
    ...(report.cold.length > 0
      ? [
          "Catalog reads against the ceiling of the same session (req/s ÷ the ceiling's req/s):",
          "",
          ceilingTable(report.cold, report.scenarios),
          "",
          "Cache off (cold):",
          "",
          scenarioTable(report.cold),
          "",
          "Cache on (warm):",
          "",
        ]
      : []),
    scenarioTable(report.scenarios),
    "",
    ...report.scenarios
      .filter((row) => Object.keys(row.byProcedure).length > 1)
      .flatMap((row) => [`Per procedure, ${row.scenario}:`, "", procedureTable(row), ""]),
    `Database check: ${JSON.stringify(report.verification)}`,
    "",
    `Search words: ${report.searchWords.join("; ")}.`,
  ];
  if (report.catalogScaling.length > 0) {
    for (const name of SEARCH_SCENARIOS) {
      const rows = report.catalogScaling.filter((row) => row.scenario === name);
      sections.push("", `${name} by catalog size:`, "", scenarioTable(rows, "products"));
    }
  }
  if (report.processScaling.length > 0) {
    sections.push("", "mixed by server processes:", "", scenarioTable(report.processScaling, "processes"));
  }
  if (report.profile) {
    const { scenario, figures: profiled, summary } = report.profile;
    sections.push(
      "",
      `CPU profile of the server under ${scenario}${CATALOG_SCENARIOS.includes(scenario) ? " with the response cache off" : ""} (a separate run with --cpu-prof, measured window only):`,
      "",
      scenarioTable([profiled]),
      "",
      profileTable(summary),
    );
  }
  write(sections.join("\n"));
}

function publishTopology() {
  const sections = [
    `# Shopwright bench, ${machine.date}: the topology`,
    "",
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, ${machine.database}.`,
    `\`${machine.command}\`: ${options.connections} connections, ${options.warmup} s warm-up, ${options.duration} s measured per scenario, the response cache off, ${report.topology[0]?.figures.products ?? 0} active products.`,
    `Search words: ${report.searchWords.join("; ")}.`,
    ...options.scenarios.flatMap((name) => ["", `${name}:`, "", topologyTable(report.topology, name)]),
  ];
  write(sections.join("\n"));
}

function write(markdown: string) {
  console.log(`\n${markdown}`);
  mkdirSync(artifacts, { recursive: true });
  const stamp = machine.date.replaceAll(":", "-");
  writeFileSync(join(artifacts, `${stamp}.md`), `${markdown}\n`);
  writeFileSync(join(artifacts, `${stamp}.json`), JSON.stringify(report, null, 2));
  console.log(`\nWritten to ${join(artifacts, `${stamp}.md`)} and .json`);
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer`);
  return value;
}
