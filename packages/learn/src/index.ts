/** Every experiment `pnpm learn` knows, in the order the list shows them. */
import type { Experiment } from "./experiment.ts";
import { oversell } from "./experiments/oversell.ts";

export const experiments: Experiment[] = [oversell];

export type { Experiment } from "./experiment.ts";
