/** Refunds racing each other, double clicks and webhook redeliveries, on a Postgres server. */
import type { PostgresDb } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { paymentsTables } from "@shopwright/db/tables/payments";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.ts";
import { openShipping, testConfig } from "../testing/index.ts";
import { placePaidOrder, signedRefundEvent } from "../testing/refunds.ts";
import { receivePaymentWebhook } from "./webhook.ts";

describe("refunds on a Postgres server under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 20 });
    await openShipping(db);
  });
  afterAll(() => db.close());

  const deps = () => ({ db, config: testConfig, log: silentLogger });

  async function refundsOf(orderId: string) {
    const { refunds } = paymentsTables(db);
    return db.orm.select().from(refunds).where(eq(refunds.orderId, orderId));
  }

  it("two admins refunding the same lines at once never refund more than was bought or paid", async () => {
    const paid = await placePaidOrder(db);
    const line = paid.itemOf(0);
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        paid.admin.admin.orders.refund({
          id: paid.order.id,
          idempotencyKey: `admin-${i}-${paid.order.id}`,
          lines: [{ itemId: line.id, quantity: 2, restock: true }],
          reason: "Returned",
        }),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const lost of attempts.filter((a) => a.status === "rejected")) {
      expect(lost.reason).toMatchObject({
        code: "BAD_REQUEST",
        message: `${line.name} has been refunded in full already`,
      });
    }
    expect(await refundsOf(paid.order.id)).toHaveLength(1);

    // Custom amounts racing for the rest of the money: together they may take what is left, no more.
    const amounts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        paid.admin.admin.orders.refund({
          id: paid.order.id,
          idempotencyKey: `amount-${i}-${paid.order.id}`,
          amountCents: 1_500,
          reason: "Goodwill",
        }),
      ),
    );
    expect(amounts.filter((a) => a.status === "fulfilled")).toHaveLength(2);
    const view = await paid.adminView();
    expect(view.refundableCents).toBe(5_997 - 2_000 - 3_000);
  });

  it("a double click with one idempotency key makes one refund", async () => {
    const paid = await placePaidOrder(db);
    const input = {
      id: paid.order.id,
      idempotencyKey: `double-${paid.order.id}`,
      lines: [{ itemId: paid.itemOf(1).id, quantity: 1, restock: true }],
      reason: "Damaged",
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => paid.admin.admin.orders.refund(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await refundsOf(paid.order.id)).toHaveLength(1);
  });

  it("a refund's success delivered many times at once restocks once", async () => {
    const paid = await placePaidOrder(db);
    const refund = await paid.admin.admin.orders.refund({
      id: paid.order.id,
      idempotencyKey: `restock-${paid.order.id}`,
      lines: [{ itemId: paid.itemOf(2).id, quantity: 3, restock: true }],
      reason: "Returned",
    });
    const deliveries = [
      ...Array.from({ length: 6 }, () =>
        signedRefundEvent(paid.order, refund, "refund.succeeded", { eventId: `evr_same_${refund.id}` }),
      ),
      ...Array.from({ length: 6 }, () => signedRefundEvent(paid.order, refund, "refund.succeeded")),
    ];
    const results = await Promise.all(deliveries.map((d) => receivePaymentWebhook(deps(), d)));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(await paid.stockOf(2)).toBe(10);
    expect((await paid.view()).refundedCents).toBe(1_497);
  });

  it("the database itself refuses claims past what was captured or bought", async () => {
    const paid = await placePaidOrder(db);
    const { payments, orderItems } = ordersTables(db);
    await expect(
      db.orm
        .update(payments)
        .set({ refundClaimedCents: sql`${payments.amountCents} + 1` })
        .where(eq(payments.id, paid.order.payment!.id)),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: "payments_refund_claimed_within_amount" }),
    });
    await expect(
      db.orm
        .update(orderItems)
        .set({ restockedQuantity: sql`${orderItems.quantity} + 1` })
        .where(eq(orderItems.id, paid.itemOf(0).id)),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint: "order_items_restocked_within_quantity" }),
    });
  });
});
