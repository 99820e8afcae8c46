/**
 * Housekeeping that keeps tables from growing without bound, each owner deleting its own rows:
 * refresh tokens past their expiry (each rotation leaves the consumed row behind, to detect its
 * reuse), rate-limit windows that have passed, checkout idempotency keys past their 24 hours,
 * password-reset links past their hour and email-verification links past their day.
 */
import type { Db } from "@shopwright/db";
import type { TaskHandlers } from "@shopwright/jobs";
import { deleteExpiredVerificationLinks } from "../auth/email-verification.ts";
import { deleteExpiredResetLinks } from "../auth/password-reset.ts";
import { deleteExpiredSessions } from "../auth/sessions.ts";
import { deleteExpiredRateLimits } from "../lib/rate-limit.ts";
import { deleteExpiredIdempotencyKeys } from "../orders/checkout.ts";
import type { TaskDeps } from "../task-deps.ts";

export async function pruneExpiredRecords(db: Db, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db);
  await deleteExpiredRateLimits(db, now);
  await deleteExpiredIdempotencyKeys(db, now);
  await deleteExpiredResetLinks(db, now);
  await deleteExpiredVerificationLinks(db, now);
}

export function maintenanceTasks({ db }: TaskDeps): TaskHandlers {
  return {
    async prune_expired_records(_payload, helpers) {
      await pruneExpiredRecords(db);
      helpers.logger.info("Pruned expired sessions, rate limits, idempotency keys and emailed links");
    },
  };
}
