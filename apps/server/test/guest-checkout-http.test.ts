/**
 * A guest's whole checkout over HTTP against a listening server: a cart by its token, checkout with
 * an email and an address, the simulated provider's hosted page approved, the webhook delivered,
 * the confirmation sent by the worker's task over real SMTP, and the order opened through the link
 * read from the email that arrived, as the storefront's page would open it.
 */
import { type ServerType, serve } from "@hono/node-server";
import { CART_TOKEN_HEADER, createSmtpMailer, createTaskHandlers } from "@shopwright/api/server";
import { createProduct, testAddress, testConfig, testJobHelpers } from "@shopwright/api/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@shopwright/api/testing/smtp";
import type { Db } from "@shopwright/db";
import { freePort } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockpayTasks } from "../src/mockpay/tasks.ts";
import { createTestApp, trpcCall } from "./harness.ts";

// A port of its own: test files run at once, and two servers on one port answer each other's requests.
const PORT = await freePort();
const publicUrl = `http://127.0.0.1:${PORT}`;
const config = { publicUrl, gatewayUrl: `${publicUrl}/mockpay` };

describe("a guest's checkout over HTTP", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof createTestApp>>["app"];
  let close: () => Promise<void>;
  let server: ServerType;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    ({ app, db, close } = await createTestApp({ config }));
    server = serve({ fetch: app.fetch, port: PORT, hostname: "127.0.0.1" });
    await new Promise<void>((ready) => server.once("listening", () => ready()));
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
    await new Promise<void>((done) => server.close(() => done()));
    await close();
  });

  it("pays on the hosted page and reads the order through the link in the confirmation email", async () => {
    const product = await createProduct(db, { name: "Linen Apron", priceCents: 3_200, stock: 5 });
    const added = await trpcCall<{ cartToken: string }>(app, "cart.addItem", { productId: product.id, quantity: 2 });
    const cart = { [CART_TOKEN_HEADER]: added.data!.cartToken };

    const summary = await trpcCall<{ totalCents: number }>(
      app,
      "orders.checkoutSummary",
      { shippingAddress: { country: testAddress.country, region: testAddress.region } },
      { method: "GET", headers: cart },
    );
    expect(summary.status).toBe(200);
    const checkout = await trpcCall<{
      order: { id: string; number: number; status: string; totalCents: number };
      paymentUrl: string;
      orderToken: string;
    }>(
      app,
      "orders.checkout",
      {
        idempotencyKey: "guest-http-0001",
        email: "  Guest.Buyer@Example.COM ",
        shippingAddress: testAddress,
        expectedTotalCents: summary.data!.totalCents,
      },
      { headers: cart },
    );
    expect(checkout.status).toBe(200);
    const { order, paymentUrl, orderToken } = checkout.data!;
    expect(order.status).toBe("placed");
    expect(orderToken).toMatch(/^[\w-]{43}$/);

    const approved = await fetch(paymentUrl, {
      method: "POST",
      body: new URLSearchParams({ decision: "approve" }),
      redirect: "manual",
    });
    expect(approved.status).toBe(303);
    // Back to the order-link page, without the token: the provider is never handed it.
    expect(approved.headers.get("location")).toBe(`${publicUrl}/my-order`);

    const deliver = mockpayTasks({ db, config: { ...testConfig, ...config } }).deliver_payment_webhook!;
    for (const job of await queuedJobs(db, "deliver_payment_webhook")) {
      await deliver(job.payload as { eventId: string }, testJobHelpers());
    }
    const [confirmation] = (await queuedJobs(db, "send_order_confirmation")).filter(
      (job) => job.payload.orderId === order.id,
    );
    expect(JSON.stringify(confirmation!.payload)).not.toContain(orderToken);
    const mailer = createSmtpMailer(smtp.url, { timeoutMs: 5_000 });
    try {
      const tasks = createTaskHandlers({ db, config: { ...testConfig, ...config }, mailer });
      await tasks.send_order_confirmation!(confirmation!.payload as { orderId: string }, testJobHelpers());
    } finally {
      mailer.close();
    }
    const [mail] = await smtp.waitForAccepted(1);
    expect(mail!.to).toMatchObject({ text: "guest.buyer@example.com" });
    const link = new RegExp(`${publicUrl}/my-order#token=([\\w-]+)`).exec(mail!.text ?? "");
    expect(link).not.toBeNull();
    const emailedToken = link![1]!;
    expect(emailedToken).not.toBe(orderToken);

    const opened = await app.request(
      `/trpc/orders.byAccessToken?input=${encodeURIComponent(JSON.stringify({ json: { token: emailedToken } }))}`,
    );
    expect(opened.status).toBe(200);
    expect(opened.headers.get("cache-control")).toBe("no-store");
    const body = (await opened.json()) as { result: { data: { json: Record<string, unknown> } } };
    expect(body.result.data.json).toMatchObject({
      id: order.id,
      number: order.number,
      email: "guest.buyer@example.com",
      status: "processing",
      totalCents: order.totalCents,
      payment: { status: "succeeded" },
      refunds: [],
    });
    // The token checkout handed the guest opens the same order.
    const viaCheckout = await trpcCall<{ id: string }>(
      app,
      "orders.byAccessToken",
      { token: orderToken },
      { method: "GET" },
    );
    expect(viaCheckout.data?.id).toBe(order.id);

    const guessed = await trpcCall(app, "orders.byAccessToken", { token: "x".repeat(43) }, { method: "GET" });
    expect(guessed).toMatchObject({ status: 404, code: "NOT_FOUND", message: expect.stringMatching(/order link/) });
  });
});
