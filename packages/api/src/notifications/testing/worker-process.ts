/**
 * A worker process for crash tests: the real runner and task handlers against DATABASE_URL and
 * SMTP_URL, with the short intervals the test passes. Prints `ready <workerId>` once it runs.
 */
import { createPostgresDb } from "@shopwright/db";
import { startWorker } from "@shopwright/jobs";
import { silentLogger } from "../../logger.ts";
import { createTaskHandlers } from "../../tasks/index.ts";
import { testConfig } from "../../testing/index.ts";
import { createSmtpMailer } from "../mailer.ts";

const { DATABASE_URL, SMTP_URL, HEARTBEAT_MS, STALE_AFTER_MS } = process.env;
if (!DATABASE_URL || !SMTP_URL) throw new Error("DATABASE_URL and SMTP_URL are required");

const db = createPostgresDb(DATABASE_URL, { max: 4 });
const mailer = createSmtpMailer(SMTP_URL);
const worker = await startWorker({
  db,
  databaseUrl: DATABASE_URL,
  tasks: createTaskHandlers({ db, config: testConfig, mailer }),
  log: silentLogger,
  concurrency: 1,
  pollIntervalMs: 200,
  heartbeatIntervalMs: Number(HEARTBEAT_MS ?? 500),
  staleAfterMs: Number(STALE_AFTER_MS ?? 2_000),
});
process.stdout.write(`ready ${worker.workerId}\n`);
