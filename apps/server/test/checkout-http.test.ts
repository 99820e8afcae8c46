/**
 * A paid checkout over plain HTTP against a listening server (the shop calls the gateway's API
 * over the network, as it would a real provider): check out, open the payment page, approve,
 * deliver the webhook, and find the order processing with its email enqueued.
 */
import { type ServerType, serve } from "@hono/node-server";
import { gatewayApiKey } from "@shopwright/api/server";
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
const config = { publicUrl, gatewayUrl: `${publicUrl}/mockpay` };

describe("checkout and payment over HTTP", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof createTestApp>>["app"];
  let close: () => Promise<void>;
  let server: ServerType;

  beforeAll(async () => {
    ({ app, db, close } = await createTestApp({ config, deps: { metricsToken: "checkout-metrics-token" } }));
    server = serve({ fetch: app.fetch, port: PORT, hostname: "127.0.0.1" });
    await new Promise<void>((ready) => server.once("listening", () => ready()));
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await close();
  });

  async function shopperWithCart(priceCents: number, quantity: number) {
    const product = await createProduct(db, { name: "Desk <Lamp>", priceCents, stock: 9 });
    const shopper = await createSignedInUser(db, { config });
    await fillCart(db, shopper.id, [{ productId: product.id, quantity }]);
    return shopper;
  }

  const call = async (procedure: string, input: unknown, token: string, method: "GET" | "POST" = "POST") => {
    const response = await trpcRequest(app, procedure, input, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as { result: { data: { json: unknown } } } };
  };

  it("checks out, pays on the hosted page, and the order is processing with its confirmation enqueued", async () => {
    const shopper = await shopperWithCart(2_500, 2);
    const checkout = await call(
      "orders.checkout",
      { idempotencyKey: "http-checkout-1", shippingAddress: testAddress },
      shopper.accessToken,
    );
    expect(checkout.status).toBe(200);
    const metrics = await (
      await app.request("/metrics", { headers: { authorization: "Bearer checkout-metrics-token" } })
    ).text();
    expect(metrics).toMatch(/checkouts_total\{outcome="placed"\} 1/);
    const { order, paymentUrl } = checkout.body.result.data.json as {
      order: { id: string; status: string };
      paymentUrl: string;
    };
    expect(order.status).toBe("placed");
    expect(paymentUrl).toMatch(new RegExp(`^${publicUrl}/mockpay/pay/gwp_`));

    const page = await fetch(paymentUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("$50.00");
    expect(html).toContain(">Approve</button>");
    expect(html).toContain(">Decline</button>");

    const approved = await fetch(paymentUrl, {
      method: "POST",
      body: new URLSearchParams({ decision: "approve" }),
      redirect: "manual",
    });
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe(`${publicUrl}/orders/${order.id}`);

    const deliveries = await queuedJobs(db, "deliver_payment_webhook");
    expect(deliveries).toHaveLength(1);
    const deliver = mockpayTasks({ db, config: { ...testConfig, ...config } }).deliver_payment_webhook!;
    const helpers = testJobHelpers();
    await deliver(deliveries[0]!.payload as { eventId: string }, helpers);
    // A redelivery (the provider retrying after a lost answer) is acknowledged and changes nothing.
    await deliver(deliveries[0]!.payload as { eventId: string }, helpers);

    const after = await call("orders.byId", { id: order.id }, shopper.accessToken, "GET");
    expect(after.body.result.data.json).toMatchObject({ status: "processing", payment: { status: "succeeded" } });
    const emails = await queuedJobs(db, "send_order_confirmation");
    expect(emails.map((j) => j.payload.orderId)).toContain(order.id);

    // A second click on the page changes nothing and enqueues no second delivery.
    await fetch(paymentUrl, { method: "POST", body: new URLSearchParams({ decision: "decline" }), redirect: "manual" });
    expect(await queuedJobs(db, "deliver_payment_webhook")).toHaveLength(1);
  });

  it("payments.simulate decides through the provider as the page's button does, and its webhook moves the order", async () => {
    const shopper = await shopperWithCart(1_200, 1);
    const checkout = await call(
      "orders.checkout",
      { idempotencyKey: "http-simulate-1", shippingAddress: testAddress },
      shopper.accessToken,
    );
    const { order, paymentUrl } = checkout.body.result.data.json as { order: { id: string }; paymentUrl: string };
    const before = new Set((await queuedJobs(db, "deliver_payment_webhook")).map((job) => job.jobKey));

    const simulated = await call("payments.simulate", { orderId: order.id, decision: "approve" }, shopper.accessToken);
    expect(simulated).toMatchObject({ status: 200, body: { result: { data: { json: { ok: true } } } } });
    expect(await (await fetch(paymentUrl)).text()).toContain("This payment was approved.");

    const deliveries = (await queuedJobs(db, "deliver_payment_webhook")).filter((job) => !before.has(job.jobKey));
    expect(deliveries).toHaveLength(1);
    const deliver = mockpayTasks({ db, config: { ...testConfig, ...config } }).deliver_payment_webhook!;
    await deliver(deliveries[0]!.payload as { eventId: string }, testJobHelpers());
    const after = await call("orders.byId", { id: order.id }, shopper.accessToken, "GET");
    expect(after.body.result.data.json).toMatchObject({ status: "processing", payment: { status: "succeeded" } });
  });

  it("escapes what the payment page shows, and its API wants the merchant key", async () => {
    const register = (key: string) =>
      app.request("/mockpay/api/payments", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({
          reference: "pay_x",
          orderId: "<script>x()</script>",
          amountCents: 100,
          returnUrl: publicUrl,
        }),
      });
    expect((await register("nope")).status).toBe(401);
    const created = await register(gatewayApiKey(testConfig.webhookSecret));
    expect(created.status).toBe(200);
    const { url } = (await created.json()) as { url: string };
    const again = await register(gatewayApiKey(testConfig.webhookSecret));
    expect(((await again.json()) as { url: string }).url).toBe(url);
    const html = await (await app.request(new URL(url).pathname)).text();
    expect(html).toContain("&lt;script&gt;x()&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect((await app.request("/mockpay/pay/gwp_missing")).status).toBe(404);
  });

  it("takes the payment page's Approve and Decline only from its own page, not from another site's form", async () => {
    const created = await app.request("/mockpay/api/payments", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${gatewayApiKey(testConfig.webhookSecret)}`,
      },
      body: JSON.stringify({ reference: "pay_origin", orderId: "ord_origin", amountCents: 100, returnUrl: publicUrl }),
    });
    const page = new URL(((await created.json()) as { url: string }).url).pathname;
    const post = (origin: string) =>
      app.request(page, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "decision=approve",
      });
    for (const origin of ["https://evil.example", "null"]) {
      const refused = await post(origin);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/payment page itself/);
    }
    expect(await (await app.request(page)).text()).toContain(">Approve</button>");
    expect((await post(new URL(publicUrl).origin)).status).toBe(303);
  });

  it("answers a forged webhook with 400", async () => {
    const forged = await app.request("/webhooks/payments", {
      method: "POST",
      headers: { "content-type": "application/json", "mockpay-signature": `t=${Math.floor(Date.now() / 1000)},v1=00` },
      body: JSON.stringify({ id: "evt_x", type: "payment.succeeded", created: 0, data: {} }),
    });
    expect(forged.status).toBe(400);
  });
});
