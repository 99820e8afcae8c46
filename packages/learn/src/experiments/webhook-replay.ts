/**
 * Webhook replay: payment providers deliver at least once, so the same signed event can arrive
 * several times at once; an attacker can post an event of their own, or replay a captured one.
 * The wrong way trusts the body and acts on every delivery. The shop verifies the signature and
 * its timestamp over the raw body, and claims the event id before acting, so a replay changes
 * nothing.
 */
import { randomUUID } from "node:crypto";
import { receivePaymentWebhook, signWebhook } from "@shopwright/api/server";
import { createTestContext } from "@shopwright/api/testing";
import { type Db, newId, type PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { enqueue, queuedJobs } from "@shopwright/jobs";
import { eq, sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { checkoutAs, createProduct, refusal, shopConfig, shoppersWithCart, tally } from "../shop.ts";

export interface WebhookReplayOptions {
  deliveries: number;
}

interface Effects {
  /** Order confirmation emails queued for the order. */
  emails: number;
  /** Times the order was recorded as moving to processing. */
  transitions: number;
  status: string;
}

export interface WebhookReplayResult {
  deliveries: number;
  naive: Effects & { forgedAccepted: boolean; staleAccepted: boolean };
  shop: Effects & {
    outcomes: Record<string, number>;
    forged: string;
    stale: string;
    forgedOrderStatus: string;
    staleOrderStatus: string;
  };
}

/**
 * THE WRONG WAY: the signature header is never read and no event id is recorded, so every
 * delivery acts again, whoever sent it and whenever.
 */
async function naiveReceive(db: Db, { rawBody }: { rawBody: string; signature: string }): Promise<void> {
  const event = JSON.parse(rawBody) as { type: string; data: { paymentId: string; orderId: string } };
  if (event.type !== "payment.succeeded") return;
  const { payments } = ordersTables(db);
  const { orders, orderStatusHistory } = ordersTables(db);
  await db.orm.update(payments).set({ status: "succeeded" }).where(eq(payments.id, event.data.paymentId));
  await db.orm.update(orders).set({ status: "processing" }).where(eq(orders.id, event.data.orderId));
  await db.orm.insert(orderStatusHistory).values({
    id: newId("osh"),
    orderId: event.data.orderId,
    fromStatus: "placed",
    status: "processing",
    actor: "payments",
  });
  await enqueue(db, "send_order_confirmation", { orderId: event.data.orderId });
}

/** An order placed through the shop's checkout, and the payment event its provider would send. */
async function placedOrder(db: PostgresDb) {
  const product = await createProduct(db, { stock: 10 });
  const [shopper] = await shoppersWithCart(db, 1, product.id);
  const { order } = await checkoutAs(shopper!, randomUUID());
  const event = {
    id: newId("evt"),
    type: "payment.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: { paymentId: order.payment!.id, orderId: order.id, amountCents: order.totalCents },
  };
  return { orderId: order.id, rawBody: JSON.stringify(event) };
}

async function effects(db: PostgresDb, orderId: string): Promise<Effects> {
  const emails = (await queuedJobs(db, "send_order_confirmation")).filter((j) => j.payload.orderId === orderId);
  const [row] = await db.execute<{ transitions: number; status: string }>(sql`
    select (select count(*)::int from order_status_history where order_id = ${orderId} and status = 'processing')
             as transitions,
           (select status from orders where id = ${orderId}) as status`);
  return { emails: emails.length, transitions: row!.transitions, status: row!.status };
}

const statusOf = async (db: PostgresDb, orderId: string) =>
  (await db.execute<{ status: string }>(sql`select status from orders where id = ${orderId}`))[0]!.status;

export async function runWebhookReplay(db: PostgresDb, { deliveries }: WebhookReplayOptions) {
  const context = createTestContext(db, { config: shopConfig });
  const deps = { db, config: context.config, log: context.log };
  const secret = context.config.webhookSecret;
  const deliver = <T>(n: number, send: () => Promise<T>) => Promise.all(Array.from({ length: n }, send));

  const naiveOrder = await placedOrder(db);
  const naiveSignature = signWebhook(secret, naiveOrder.rawBody);
  await deliver(deliveries, () => naiveReceive(db, { rawBody: naiveOrder.rawBody, signature: naiveSignature }));
  const shopOrder = await placedOrder(db);
  const signature = signWebhook(secret, shopOrder.rawBody);
  const outcomes = await deliver(deliveries, () =>
    receivePaymentWebhook(deps, { rawBody: shopOrder.rawBody, signature }).then((r) => r.outcome),
  );

  // A forged event: someone without the secret marks an unpaid order paid.
  const forgery = (order: { rawBody: string }) => ({ ...order, signature: signWebhook("guessed", order.rawBody) });
  // A stale event: a genuine delivery captured and posted again ten minutes later.
  const capturedAt = new Date(Date.now() - 10 * 60_000);
  const capture = (order: { rawBody: string }) => ({
    ...order,
    signature: signWebhook(secret, order.rawBody, capturedAt),
  });
  const [forgedNaive, staleNaive, forgedShop, staleShop] = [
    await placedOrder(db),
    await placedOrder(db),
    await placedOrder(db),
    await placedOrder(db),
  ];
  await naiveReceive(db, forgery(forgedNaive));
  await naiveReceive(db, capture(staleNaive));
  const forged = await refusal(receivePaymentWebhook(deps, forgery(forgedShop)));
  const stale = await refusal(receivePaymentWebhook(deps, capture(staleShop)));

  return {
    deliveries,
    naive: {
      ...(await effects(db, naiveOrder.orderId)),
      forgedAccepted: (await statusOf(db, forgedNaive.orderId)) === "processing",
      staleAccepted: (await statusOf(db, staleNaive.orderId)) === "processing",
    },
    shop: {
      ...(await effects(db, shopOrder.orderId)),
      outcomes: tally(outcomes),
      forged,
      stale,
      forgedOrderStatus: await statusOf(db, forgedShop.orderId),
      staleOrderStatus: await statusOf(db, staleShop.orderId),
    },
  } satisfies WebhookReplayResult;
}

export const webhookReplay: Experiment = {
  name: "webhook-replay",
  summary: "one signed payment event delivered 5 times at once, plus a forged and a stale one",
  page: "checkout.md",
  database: true,
  async run(db) {
    const r = await runWebhookReplay(requireDb(db), { deliveries: 5 });
    return {
      title: `webhook-replay: the same payment.succeeded event delivered ${r.deliveries} times concurrently`,
      sections: [
        {
          heading: "The wrong way: trust the body, act on every delivery",
          rows: [
            ["confirmation emails queued", r.naive.emails],
            ["'processing' entries in the order history", r.naive.transitions],
            ["forged event accepted", r.naive.forgedAccepted ? "yes: unpaid order marked paid" : "no"],
            ["captured event replayed later accepted", r.naive.staleAccepted ? "yes" : "no"],
          ],
        },
        {
          heading: "Shopwright: receivePaymentWebhook (signature, tolerance, event id claimed first)",
          rows: [
            [
              "outcomes",
              Object.entries(r.shop.outcomes)
                .map(([k, v]) => `${v} ${k}`)
                .join(", "),
            ],
            ["confirmation emails queued", r.shop.emails],
            ["'processing' entries in the order history", r.shop.transitions],
            ["forged event", `${r.shop.forged}; order still ${r.shop.forgedOrderStatus}`],
            ["captured event replayed 10 min later", `${r.shop.stale}; order still ${r.shop.staleOrderStatus}`],
          ],
        },
      ],
      verdict:
        `Acting on every delivery sent ${r.naive.emails} emails for one payment and let anyone mark an order paid; ` +
        `the shop applied the event once and refused the forged and stale ones with 400.`,
    };
  },
};
