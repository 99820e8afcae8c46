/** Turns raw load results into the figures the bench reports, and those into Markdown tables. */
import type { LoadResult } from "./load.ts";
import type { ProfileSummary } from "./profile.ts";
import type { Usage } from "./server.ts";

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ScenarioFigures {
  scenario: string;
  /** Products in the catalog, server processes: what the scaling curves vary. */
  products: number;
  processes: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latency: Latency;
  /** Non-2xx responses plus requests that got no response. */
  errors: number;
  errorSamples: string[];
  byProcedure: Record<string, Latency & { errors: number }>;
  usage: Usage;
  /** CPU of the replica's backends over the window, in % of one core, when one served reads. */
  replicaCpuPercent?: number;
  /** When the measured run began and ended, in µs of the monotonic clock V8's profiles use. */
  window: { from: number; until: number };
}

/** Nearest-rank percentiles (a value that was actually measured), in ms. */
export function latency(samples: number[]): Latency {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => (sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

export function figures(
  result: LoadResult,
  usage: Usage,
  window: ScenarioFigures["window"],
  setup: { products: number; processes: number; connections: number },
): ScenarioFigures {
  const tallies = Object.entries(result.procedures);
  const failed = (failures: Record<string, number>) => Object.values(failures).reduce((a, b) => a + b, 0);
  const ok = tallies.flatMap(([, tally]) => tally.ok);
  const errors = tallies.reduce((sum, [, tally]) => sum + failed(tally.failed), 0) + result.socketErrors;
  return {
    scenario: result.scenario,
    ...setup,
    seconds: result.seconds,
    requestsPerSecond: (ok.length + errors) / result.seconds,
    latency: latency(ok),
    errors,
    errorSamples: tallies.flatMap(([name, tally]) => tally.samples.map((sample) => `${name}: ${sample}`)),
    byProcedure: Object.fromEntries(
      tallies.map(([name, tally]) => [name, { ...latency(tally.ok), errors: failed(tally.failed) }]),
    ),
    usage,
    window,
  };
}

const ms = (value: number) => value.toFixed(2);

export function scenarioTable(rows: ScenarioFigures[], first: "scenario" | "products" | "processes" = "scenario") {
  const lines = [
    `| ${first} | req/s | p50 ms | p95 ms | p99 ms | errors | server peak RSS MiB | server CPU avg % | server CPU peak % | database CPU % | machine CPU % | load avg |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${first === "scenario" ? row.scenario : row[first]} | ${row.requestsPerSecond.toFixed(1)} | ${ms(row.latency.p50)} | ${ms(row.latency.p95)} | ${ms(row.latency.p99)} | ${row.errors} | ${row.usage.peakRssMiB.toFixed(1)} | ${row.usage.averageCpuPercent.toFixed(1)} | ${row.usage.peakCpuPercent.toFixed(1)} | ${row.usage.databaseCpuPercent.toFixed(1)} | ${row.usage.machineCpuPercent.toFixed(1)} | ${row.usage.loadAverage.toFixed(2)} |`,
    );
  }
  return lines.join("\n");
}

export function procedureTable(row: ScenarioFigures) {
  const lines = ["| procedure | responses | p50 ms | p95 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|"];
  for (const [name, figures] of Object.entries(row.byProcedure).sort()) {
    lines.push(
      `| ${name} | ${figures.count} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${figures.errors} |`,
    );
  }
  return lines.join("\n");
}

export function profileTable(summary: ProfileSummary) {
  const rows = (shares: ProfileSummary["packages"]) => shares.map((s) => `| ${s.name} | ${s.percent.toFixed(1)} |`);
  return [
    `Sampled ${summary.seconds.toFixed(1)} s; busy ${summary.busyPercent.toFixed(1)} % of samples. Shares of busy time:`,
    "",
    "| package | self % |",
    "|---|---:|",
    ...rows(summary.packages),
    "",
    "| function | self % |",
    "|---|---:|",
    ...rows(summary.functions),
  ].join("\n");
}

/** Each catalog read's req/s and p95, cold and warm, as a share of its session's ceiling. */
export function ceilingTable(cold: ScenarioFigures[], warm: ScenarioFigures[]) {
  const ceiling = (rows: ScenarioFigures[]) => rows.find((row) => row.scenario === "ceiling")?.requestsPerSecond;
  const ratio = (row: ScenarioFigures | undefined, of: number | undefined) =>
    row && of
      ? `${row.requestsPerSecond.toFixed(1)} | ${(row.requestsPerSecond / of).toFixed(2)}× | ${ms(row.latency.p95)}`
      : "– | – | –";
  const lines = [
    "| scenario | cold req/s | cold ÷ ceiling | cold p95 ms | warm req/s | warm ÷ ceiling | warm p95 ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of cold) {
    const hot = warm.find((other) => other.scenario === row.scenario);
    lines.push(`| ${row.scenario} | ${ratio(row, ceiling(cold))} | ${ratio(hot, ceiling(warm))} |`);
  }
  return lines.join("\n");
}
