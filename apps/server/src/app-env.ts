import type { AppLogger } from "./logger.ts";

/** What every Hono route may read from the request context: its id and its child logger. */
export type AppEnv = { Variables: { requestId: string; log: AppLogger } };
