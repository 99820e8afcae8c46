/**
 * Mockpay, the simulated payment provider, mounted at /mockpay. It keeps its own books
 * (`gateway_payments`) and talks to the shop only the way a real provider would: the shop calls
 * its API with a bearer key, the shopper uses its hosted page, and it reports the outcome with a
 * signed webhook delivered by a job (so failed deliveries are retried with backoff).
 *
 *   POST /mockpay/api/payments  (Authorization: Bearer <gatewayApiKey(WEBHOOK_SECRET)>)
 *        { reference, orderId, description, amountCents, returnUrl } → { id, url, status }; idempotent on reference
 *   POST /mockpay/api/payments/:reference/void  → { status }: closes an undecided payment
 *   POST /mockpay/api/payments/:reference/decision  { decision: "approve" | "decline" } → { status }:
 *        the test helper behind `payments.simulate`, deciding exactly as the hosted page's buttons do
 *   POST /mockpay/api/payments/:reference/refunds  { reference, amountCents, reason } → { status: "pending" }:
 *        refunds part of a captured payment, idempotent on the refund's reference; the outcome comes
 *        as a signed refund.succeeded / refund.failed webhook (a reason containing "mockpay-fail"
 *        makes it fail, see refunds.ts)
 *   GET  /mockpay/pay/:id       the hosted page: amount, Approve, Decline
 *   POST /mockpay/pay/:id       decision=approve|decline → 303 to the shop's return URL; 403 from another origin
 */
import { timingSafeEqual } from "node:crypto";
import { type ApiConfig, gatewayApiKey } from "@shopwright/api/server";
import { type Db, newId, text } from "@shopwright/db";
import { simulatedGatewayTables } from "@shopwright/db/tables/simulated-gateway";
import { enqueue } from "@shopwright/jobs";
import { and, eq, type SQL } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { eventIdFor } from "./events.ts";
import { paymentPage } from "./page.ts";
import { askRefund } from "./refunds.ts";

export interface MockpayDeps {
  db: Db;
  config: ApiConfig;
}

const createPayment = z.object({
  reference: text().min(1).max(200),
  orderId: text().min(1).max(200),
  description: text().max(200).default(""),
  amountCents: z.number().int().positive(),
  returnUrl: z.url({ protocol: /^https?$/ }).max(2_000),
});

const decision = z.object({ decision: z.enum(["approve", "decline"]) });

const createRefund = z.object({
  reference: text().min(1).max(200),
  amountCents: z.number().int().positive(),
  reason: text().max(500).default(""),
});
type Decision = z.output<typeof decision>["decision"];

export function mockpayRoutes({ db, config }: MockpayDeps) {
  const app = new Hono<AppEnv>();
  const { gatewayPayments } = simulatedGatewayTables(db);
  const apiKey = Buffer.from(gatewayApiKey(config.webhookSecret));
  const hostedPage = (id: string) => `${config.gatewayUrl}/pay/${id}`;
  const ownOrigin = new URL(config.gatewayUrl).origin;
  const authorized = (header: string | undefined) => {
    const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
    return given.length === apiKey.length && timingSafeEqual(given, apiKey);
  };

  app.post("/api/payments", async (c) => {
    if (!authorized(c.req.header("authorization"))) return c.json({ error: { message: "Invalid API key" } }, 401);
    const parsed = createPayment.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { message: "Invalid payment", issues: parsed.error.issues } }, 400);
    const { reference, orderId, description, amountCents, returnUrl } = parsed.data;
    const [created] = await db.orm
      .insert(gatewayPayments)
      .values({
        id: newId("gwp"),
        merchantReference: reference,
        orderId,
        description,
        amountCents,
        status: "requires_action",
        returnUrl,
      })
      .onConflictDoNothing({ target: gatewayPayments.merchantReference })
      .returning();
    // A reference registered before (the merchant asking again after a lost answer) is that payment.
    const [payment] = created
      ? [created]
      : await db.orm.select().from(gatewayPayments).where(eq(gatewayPayments.merchantReference, reference));
    if (!payment) throw new Error("gateway payment vanished after insert");
    if (payment.amountCents !== amountCents || payment.orderId !== orderId) {
      return c.json({ error: { message: "This reference was registered with different details" } }, 409);
    }
    return c.json({ id: payment.id, url: hostedPage(payment.id), status: payment.status });
  });

  app.post("/api/payments/:reference/void", async (c) => {
    if (!authorized(c.req.header("authorization"))) return c.json({ error: { message: "Invalid API key" } }, 401);
    const reference = c.req.param("reference");
    // Only an undecided payment is voided; a decided one answers with its decision.
    await db.orm
      .update(gatewayPayments)
      .set({ status: "voided", updatedAt: new Date() })
      .where(and(eq(gatewayPayments.merchantReference, reference), eq(gatewayPayments.status, "requires_action")));
    const [payment] = await db.orm
      .select({ status: gatewayPayments.status })
      .from(gatewayPayments)
      .where(eq(gatewayPayments.merchantReference, reference));
    if (!payment) return c.json({ error: { message: "No such payment" } }, 404);
    return c.json({ status: payment.status });
  });

  app.post("/api/payments/:reference/refunds", async (c) => {
    if (!authorized(c.req.header("authorization"))) return c.json({ error: { message: "Invalid API key" } }, 401);
    const parsed = createRefund.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { message: "Invalid refund", issues: parsed.error.issues } }, 400);
    const asked = await askRefund(db, {
      paymentReference: c.req.param("reference"),
      ...parsed.data,
      requestId: c.get("requestId"),
    });
    if (!asked.ok) return c.json({ error: { message: asked.message } }, asked.code);
    return c.json({ status: asked.status });
  });

  app.get("/pay/:id", async (c) => {
    const [payment] = await db.orm
      .select()
      .from(gatewayPayments)
      .where(eq(gatewayPayments.id, c.req.param("id")));
    if (!payment) return c.text("No such payment", 404);
    // The shop's no-referrer makes a browser send `Origin: null` with this page's own form, as it
    // does from a sandboxed frame elsewhere; same-origin keeps the real origin on its own posts only.
    c.header("referrer-policy", "same-origin");
    return c.html(paymentPage(payment));
  });

  app.post("/api/payments/:reference/decision", async (c) => {
    if (!authorized(c.req.header("authorization"))) return c.json({ error: { message: "Invalid API key" } }, 401);
    const parsed = decision.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: { message: 'Send { "decision": "approve" | "decline" }' } }, 400);
    const where = eq(gatewayPayments.merchantReference, c.req.param("reference"));
    const payment = await decide(where, parsed.data.decision, c.get("requestId"));
    if (!payment) return c.json({ error: { message: "No such payment" } }, 404);
    return c.json({ status: payment.status });
  });

  app.post("/pay/:id", async (c) => {
    // A form on any site can post here; a browser says which page sent it. Only the hosted page
    // itself may decide (a request without Origin is no browser's, and no page's either).
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== ownOrigin) {
      return c.text("Approve or decline on the payment page itself; this request came from another site", 403);
    }
    const parsed = decision.safeParse(await c.req.parseBody());
    if (!parsed.success) return c.text("Choose Approve or Decline", 400);
    const payment = await decide(eq(gatewayPayments.id, c.req.param("id")), parsed.data.decision, c.get("requestId"));
    if (!payment) return c.text("No such payment", 404);
    return c.redirect(payment.returnUrl, 303);
  });

  /**
   * The shopper's choice, from the hosted page or the test helper alike: the payment is decided
   * and its webhook enqueued in one transaction. Only the first choice counts: a second click, or
   * a race between two tabs, changes nothing. Answers the payment as it now stands.
   */
  function decide(where: SQL, choice: Decision, requestId: string) {
    const status = choice === "approve" ? "succeeded" : "failed";
    return db.transaction(async (tx) => {
      const [decided] = await tx.orm
        .update(gatewayPayments)
        .set({ status, updatedAt: new Date() })
        .where(and(where, eq(gatewayPayments.status, "requires_action")))
        .returning();
      if (decided) {
        const eventId = eventIdFor(decided.id);
        await enqueue(tx, "deliver_payment_webhook", { eventId, requestId }, { jobKey: `mockpay-webhook:${eventId}` });
        return decided;
      }
      const [existing] = await tx.orm.select().from(gatewayPayments).where(where);
      return existing;
    });
  }

  return app;
}
