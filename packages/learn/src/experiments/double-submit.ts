/**
 * Double submit: the network loses a checkout's answer and the client sends it again, or the
 * shopper clicks twice. Without an idempotency key the server cannot tell a retry from a new
 * order; with the shop's key the retry gets the first order back, and the key reused for a
 * different cart is refused.
 */
import { randomUUID } from "node:crypto";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { naiveCheckout } from "../naive-checkout.ts";
import { checkoutAs, createProduct, fillCart, outcome, type Shopper, shoppersWithCart, testAddress } from "../shop.ts";

export interface DoubleSubmitResult {
  lostAnswer: { naiveOrders: number; shopOrders: number; shopSameOrder: boolean };
  doubleClick: { naiveOrders: number; shopOrders: number; shopSameOrder: boolean };
  /** What the shop answers when the key comes back with a different cart. */
  keyReusedForOtherCart: string;
}

/** A client on a flaky network: the first `lost` answers never arrive, so it sends again. */
async function sendUntilAnswered<T>(send: () => Promise<T>, lost: number): Promise<T[]> {
  const answers: T[] = [];
  for (let attempt = 0; attempt <= lost; attempt++) answers.push(await send());
  return answers;
}

const ordersOf = async (db: PostgresDb, userId: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from orders where user_id = ${userId}`))[0]?.n ?? 0;

export async function runDoubleSubmit(db: PostgresDb): Promise<DoubleSubmitResult> {
  const product = await createProduct(db, { stock: 100, priceCents: 1_250 });
  const [naiveA, naiveB, shopA, shopB] = await shoppersWithCart(db, 4, product.id);
  const lines = [{ productId: product.id, variantId: product.variantId, quantity: 1, priceCents: 1_250 }];
  const naive = (shopper: Shopper) => () =>
    naiveCheckout(db, { userId: shopper.id, email: shopper.email, address: testAddress, lines });

  await sendUntilAnswered(naive(naiveA!), 1);
  const keyA = randomUUID();
  const shopAnswersA = await sendUntilAnswered(() => checkoutAs(shopA!, keyA), 1);

  await Promise.all([naive(naiveB!)(), naive(naiveB!)()]);
  const keyB = randomUUID();
  const shopAnswersB = await Promise.all([checkoutAs(shopB!, keyB), checkoutAs(shopB!, keyB)]);

  const other = await createProduct(db, { stock: 100 });
  await fillCart(db, shopA!.id, [{ productId: other.id, quantity: 1 }]);
  const keyReusedForOtherCart = await outcome(checkoutAs(shopA!, keyA));

  const sameOrder = (answers: { order: { id: string } }[]) => new Set(answers.map((a) => a.order.id)).size === 1;
  return {
    lostAnswer: {
      naiveOrders: await ordersOf(db, naiveA!.id),
      shopOrders: await ordersOf(db, shopA!.id),
      shopSameOrder: sameOrder(shopAnswersA),
    },
    doubleClick: {
      naiveOrders: await ordersOf(db, naiveB!.id),
      shopOrders: await ordersOf(db, shopB!.id),
      shopSameOrder: sameOrder(shopAnswersB),
    },
    keyReusedForOtherCart,
  };
}

export const doubleSubmit: Experiment = {
  name: "double-submit",
  summary: "a lost answer retried and a double click: orders placed without and with an idempotency key",
  page: "checkout.md",
  database: true,
  async run(db) {
    const r = await runDoubleSubmit(requireDb(db));
    const same = (yes: boolean) => (yes ? "the same order" : "different orders");
    return {
      title: "double-submit: one checkout, sent twice",
      sections: [
        {
          heading: "The wrong way: no idempotency key",
          rows: [
            ["answer lost, client retries: orders", r.lostAnswer.naiveOrders],
            ["double click: orders", r.doubleClick.naiveOrders],
          ],
        },
        {
          heading: "Shopwright: orders.checkout with the client's idempotencyKey",
          rows: [
            ["answer lost, client retries: orders", r.lostAnswer.shopOrders],
            ["  both answers name", same(r.lostAnswer.shopSameOrder)],
            ["double click: orders", r.doubleClick.shopOrders],
            ["  both answers name", same(r.doubleClick.shopSameOrder)],
            ["same key, different cart", r.keyReusedForOtherCart],
          ],
        },
      ],
      verdict:
        `Without a key every resend is a new order (${r.lostAnswer.naiveOrders} and ${r.doubleClick.naiveOrders}); ` +
        `with one the shop placed ${r.lostAnswer.shopOrders} and ${r.doubleClick.shopOrders}, and refused the reused key (${r.keyReusedForOtherCart}).`,
    };
  },
};
