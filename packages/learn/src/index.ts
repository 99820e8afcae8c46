/** Every experiment `pnpm learn` knows, in the order the list shows them. */
import type { Experiment } from "./experiment.ts";
import { doubleSubmit } from "./experiments/double-submit.ts";
import { oversell } from "./experiments/oversell.ts";

export const experiments: Experiment[] = [oversell, doubleSubmit];

export type { Experiment } from "./experiment.ts";
