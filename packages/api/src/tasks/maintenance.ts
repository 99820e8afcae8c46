/**
 * Housekeeping that keeps tables from growing without bound: refresh tokens past their expiry
 * (each rotation leaves the consumed row behind, to detect its reuse), rate-limit windows that
 * have passed, checkout idempotency keys past their 24 hours, password-reset links past their hour
 * and email-verification links past their day.
 */
import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { ordersTables } from "@shopwright/db/tables/orders";
import { lte } from "drizzle-orm";
import { deleteExpiredSessions } from "../auth/sessions.ts";
import { deleteExpiredRateLimits } from "../lib/rate-limit.ts";
import type { TaskDeps, TaskHandlers } from "./types.ts";

export async function pruneExpiredRecords(db: Db, now = new Date()): Promise<void> {
  const { idempotencyKeys } = ordersTables(db);
  const { passwordResets, emailVerifications } = authTables(db);
  await deleteExpiredSessions(db);
  await deleteExpiredRateLimits(db, now);
  await db.orm.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now));
  await db.orm.delete(passwordResets).where(lte(passwordResets.expiresAt, now));
  await db.orm.delete(emailVerifications).where(lte(emailVerifications.expiresAt, now));
}

export function maintenanceTasks({ db }: TaskDeps): TaskHandlers {
  return {
    async prune_expired_records(_payload, helpers) {
      await pruneExpiredRecords(db);
      helpers.logger.info("Pruned expired sessions, rate limits, idempotency keys and emailed links");
    },
  };
}
