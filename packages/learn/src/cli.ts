/**
 * `pnpm learn` lists the experiments; `pnpm learn <name>` runs one on a scratch database (on
 * DATABASE_URL's server when set, else on an embedded Postgres) and prints its report.
 */
import { resolve } from "node:path";
import { experiments } from "./index.ts";
import { formatReport } from "./report.ts";
import { withScratchDatabase } from "./scratch-db.ts";

const name = process.argv[2];
const experiment = experiments.find((e) => e.name === name);

if (!name || !experiment) {
  if (name) console.error(`There is no experiment called "${name}".\n`);
  console.log("Usage: pnpm learn <experiment>\n");
  const width = Math.max(...experiments.map((e) => e.name.length));
  for (const e of experiments) console.log(`  ${e.name.padEnd(width)}  ${e.summary}`);
  console.log("\nEach one is explained in docs/learn/.");
  process.exitCode = name ? 1 : 0;
} else {
  const started = Date.now();
  const report = experiment.database
    ? await withScratchDatabase(process.env.DATABASE_URL, resolve(process.env.DATA_DIR ?? ".data"), (db) =>
        experiment.run(db),
      )
    : await experiment.run(undefined);
  console.log(formatReport(report));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; explained in docs/learn/${experiment.page})`);
}
