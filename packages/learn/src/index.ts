/** Every experiment `pnpm learn` knows, in the order the list shows them. */
import type { Experiment } from "./experiment.ts";
import { atLeastOnce } from "./experiments/at-least-once.ts";
import { couponRace } from "./experiments/coupon-race.ts";
import { crashMidCheckout } from "./experiments/crash-mid-checkout.ts";
import { doubleRefund } from "./experiments/double-refund.ts";
import { doubleSubmit } from "./experiments/double-submit.ts";
import { guestMergeRace } from "./experiments/guest-merge-race.ts";
import { oversell } from "./experiments/oversell.ts";
import { pagination } from "./experiments/pagination.ts";
import { passwordHashing } from "./experiments/password-hashing.ts";
import { refreshTheft } from "./experiments/refresh-theft.ts";
import { replicaLag } from "./experiments/replica-lag.ts";
import { rounding } from "./experiments/rounding.ts";
import { searchEngines } from "./experiments/search-engines.ts";
import { traceARequest } from "./experiments/trace-a-request.ts";
import { webhookReplay } from "./experiments/webhook-replay.ts";

export const experiments: Experiment[] = [
  oversell,
  doubleSubmit,
  webhookReplay,
  doubleRefund,
  guestMergeRace,
  refreshTheft,
  passwordHashing,
  pagination,
  searchEngines,
  crashMidCheckout,
  atLeastOnce,
  traceARequest,
  replicaLag,
  rounding,
  couponRace,
];

export type { Experiment } from "./experiment.ts";
