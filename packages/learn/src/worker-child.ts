/**
 * A worker process that dies mid-job: it runs order confirmations and, once an email is out and
 * before the job is acknowledged, says so on stdout and waits for the parent's SIGKILL. Run as
 * `node --import tsx worker-child.ts <databaseUrl> <smtpUrl> <naive order ids, comma-separated>`.
 */
import { createSmtpMailer } from "@shopwright/api/server";
import { createTestContext } from "@shopwright/api/testing";
import { createPostgresDb } from "@shopwright/db";
import { startWorker } from "@shopwright/jobs";
import { confirmationHandler, SENT_MARK } from "./confirmation-handler.ts";

const [url, smtpUrl, naive] = process.argv.slice(2);
const db = createPostgresDb(url!, { max: 2 });
const handler = confirmationHandler({
  db,
  mailer: createSmtpMailer(smtpUrl!),
  naive: naive!.split(","),
  afterSend: (orderId) => {
    process.stdout.write(`${SENT_MARK} ${orderId}\n`);
    return new Promise(() => undefined);
  },
});
await startWorker({
  db,
  databaseUrl: url!,
  tasks: { send_order_confirmation: handler },
  log: createTestContext(db).log,
  heartbeatIntervalMs: 500,
  pollIntervalMs: 200,
});
