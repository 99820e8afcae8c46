import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runTraceARequest } from "./trace-a-request.ts";

const testDb = useTestDb();

it("a checkout's request ids lead from the request log to its jobs, their logs, the email and the metrics", async () => {
  const r = await runTraceARequest(testDb(), testDb().url);
  const [checkout, approval, webhook] = r.hops;
  expect(checkout!.lines).toContain("request POST /trpc/orders.checkout 200");
  expect(checkout!.queued).toContain("expire_unpaid_order");
  expect(approval!.jobs).toEqual(["deliver_payment_webhook"]);
  expect(webhook!.lines[0]).toBe("request POST /webhooks/payments 200");
  expect(webhook!.jobs).toEqual(["send_order_confirmation"]);
  expect(r.email.loggedBy).toBe(webhook!.requestId);
  expect(r.email.messageId).toMatch(/^<eml_.+@shopwright>$/);
  expect(r.metrics['checkouts_total{outcome="placed"}']).toBe(1);
  expect(r.metrics['jobs_total{task="send_order_confirmation",outcome="succeeded"}']).toBe(1);
  // Starts the real server in a child process (Node, TypeScript, migrations checked, worker) and
  // waits on the worker's polling: more than the default allows on a busy 2-core machine.
}, 180_000);
