import type { PostgresDb } from "@shopwright/db";
import type { Report } from "./report.ts";

/** The run's scratch database, and its URL for the experiments that start processes of their own. */
export type ScratchDb = PostgresDb & { url: string };

/** One runnable lesson: `pnpm learn <name>`. */
export interface Experiment {
  name: string;
  /** One line for the list. */
  summary: string;
  /** The page under docs/learn/ that explains it. */
  page: string;
  /** False when the experiment measures code alone and needs no scratch database. */
  database: boolean;
  run(db: ScratchDb | undefined): Promise<Report>;
}

export function requireDb(db: ScratchDb | undefined): ScratchDb {
  if (!db) throw new Error("this experiment needs a scratch database");
  return db;
}
