/** Timings read from the server itself (EXPLAIN ANALYZE), so network and driver time do not blur them. */
import type { PostgresDb } from "@shopwright/db";
import { type SQL, sql } from "drizzle-orm";

interface PlanNode {
  "Node Type": string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

export interface Measured {
  /** Median execution time of the runs. */
  ms: number;
  /** Rows the scans read to produce the answer, those a filter then dropped included. */
  rowsRead: number;
  /** The plan's nodes, outermost first, e.g. "Limit > Index Scan". */
  plan: string;
}

const SCANS = /Scan$/;

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/**
 * Runs `query` under EXPLAIN ANALYZE. Parallel workers are turned off: per-worker row counts are
 * averaged and rounded in the plan, and on two cores they change little.
 */
export async function measure(db: PostgresDb, query: SQL, runs = 3): Promise<Measured> {
  const times: number[] = [];
  let root: PlanNode | undefined;
  for (let i = 0; i < runs; i++) {
    const [row] = await db.transaction(async (tx) => {
      await tx.run(sql`set local max_parallel_workers_per_gather = 0`);
      return tx.execute<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
        sql`explain (analyze, format json) ${query}`,
      );
    });
    const [result] = row!["QUERY PLAN"];
    times.push(result["Execution Time"]);
    root = result.Plan;
  }
  let rowsRead = 0;
  const nodes: string[] = [];
  walk(root!, (node) => {
    nodes.push(node["Node Type"]);
    if (SCANS.test(node["Node Type"])) {
      rowsRead += (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"];
    }
  });
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rowsRead, plan: nodes.join(" > ") };
}
