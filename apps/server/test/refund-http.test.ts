/**
 * A refund over plain HTTP against a listening server, as with a real provider: the admin asks,
 * the shop's job calls the simulated gateway's refund API, and the gateway's signed webhook
 * (delivered by its job) settles it, succeeded or, when a tester asks for it, failed.
 */
import { type ServerType, serve } from "@hono/node-server";
import { createTaskHandlers } from "@shopwright/api/server";
import {
  createProduct,
  createSignedInUser,
  fillCart,
  testAddress,
  testConfig,
  testJobHelpers,
} from "@shopwright/api/testing";
import type { Db } from "@shopwright/db";
import { freePort } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockpayTasks } from "../src/mockpay/tasks.ts";
import { createTestApp, trpcRequest } from "./harness.ts";

// A port of its own: test files run at once, and two servers on one port answer each other's requests.
const PORT = await freePort();
const publicUrl = `http://127.0.0.1:${PORT}`;
const config = { ...testConfig, publicUrl, gatewayUrl: `${publicUrl}/mockpay` };

describe("refunds through the simulated provider over HTTP", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof createTestApp>>["app"];
  let close: () => Promise<void>;
  let server: ServerType;
  let tasks: ReturnType<typeof createTaskHandlers>;
  const delivered = new Set<string>();

  beforeAll(async () => {
    ({ app, db, close } = await createTestApp({ config }));
    server = serve({ fetch: app.fetch, port: PORT, hostname: "127.0.0.1" });
    await new Promise<void>((ready) => server.once("listening", () => ready()));
    // No email is sent in this test; the refund's email has its own tests.
    const mailer = { send: async () => ({ providerMessageId: "unused" }), close() {} };
    tasks = createTaskHandlers({ db, config, mailer }, [mockpayTasks({ db, config })]);
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await close();
  });

  /** Runs the queued jobs of these tasks not run before, as the worker would. */
  async function runJobs(task: "deliver_payment_webhook" | "request_refund") {
    for (const job of await queuedJobs(db, task)) {
      if (delivered.has(job.jobKey ?? "")) continue;
      delivered.add(job.jobKey ?? "");
      await (tasks[task] as (payload: unknown, helpers: unknown) => Promise<void>)(job.payload, testJobHelpers());
    }
  }

  it("refunds at the provider, settles by its webhook, and a tester's mockpay-fail reason fails one", async () => {
    const product = await createProduct(db, { priceCents: 1_500, stock: 5 });
    const shopper = await createSignedInUser(db, { config });
    const admin = await createSignedInUser(db, { role: "admin", config });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity: 2 }]);
    // Over HTTP, so the shop registers and decides the payment at the simulated provider itself.
    const call = async (procedure: string, input: unknown) => {
      const response = await trpcRequest(app, procedure, input, {
        headers: { authorization: `Bearer ${shopper.accessToken}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
    };
    const { order } = (await call("orders.checkout", {
      idempotencyKey: `http-refund-${shopper.id}`,
      shippingAddress: testAddress,
    })) as { order: { id: string } };
    await call("payments.simulate", { orderId: order.id, decision: "approve" });
    await runJobs("deliver_payment_webhook");
    const line = (await admin.caller.admin.orders.byId({ id: order.id })).items[0]!;

    const failing = await admin.caller.admin.orders.refund({
      id: order.id,
      idempotencyKey: `fail-${order.id}`,
      lines: [{ itemId: line.id, quantity: 1, restock: true }],
      reason: "Testing a decline mockpay-fail",
    });
    await runJobs("request_refund");
    await runJobs("deliver_payment_webhook");
    const afterFailure = await admin.caller.admin.orders.byId({ id: order.id });
    expect(afterFailure.refunds).toEqual([
      expect.objectContaining({
        id: failing.id,
        status: "failed",
        failureReason: "The card issuer declined the refund (simulated)",
      }),
    ]);
    expect(afterFailure.refundableCents).toBe(3_000);

    const refund = await admin.caller.admin.orders.refund({
      id: order.id,
      idempotencyKey: `ok-${order.id}`,
      lines: [{ itemId: line.id, quantity: 1, restock: true }],
      reason: "One arrived scratched",
    });
    await runJobs("request_refund");
    await runJobs("deliver_payment_webhook");
    const after = await shopper.caller.orders.byId({ id: order.id });
    expect(after.payment?.status).toBe("partially_refunded");
    expect(after.refundedCents).toBe(1_500);
    expect(after.refunds.map((r) => [r.id, r.status])).toEqual([
      [failing.id, "failed"],
      [refund.id, "succeeded"],
    ]);
  });
});
