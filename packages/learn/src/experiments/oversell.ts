/**
 * Oversell: many shoppers check out the last units at once. The wrong way reads the stock, decides
 * in JavaScript and writes the new number back, so concurrent buyers all see the same stock and
 * all "succeed". SERIALIZABLE makes read-then-write safe at the cost of retries. The shop's
 * checkout decrements with one conditional UPDATE and sells exactly what is there.
 */
import { randomUUID } from "node:crypto";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { ms, timed } from "../report.ts";
import { checkoutAs, createProduct, outcome, shoppersWithCart, tally } from "../shop.ts";

export interface OversellOptions {
  buyers: number;
  stock: number;
}

export interface OversellResult {
  buyers: number;
  stock: number;
  naive: { sold: number; stockLeft: number; ms: number };
  serializable: { sold: number; retries: number; ms: number };
  shop: { sold: number; refused: number; stockLeft: number; orders: number; ms: number };
}

const stockOf = async (db: PostgresDb, id: string) =>
  Number(
    (await db.execute<{ stock: number }>(sql`select stock from product_variants where product_id = ${id}`))[0]?.stock,
  );

/** THE WRONG WAY: a read, a decision in JavaScript, and a write of the number it computed. */
async function naiveBuy(db: PostgresDb, productId: string): Promise<boolean> {
  const stock = await stockOf(db, productId);
  if (stock < 1) return false;
  await db.run(sql`update product_variants set stock = ${stock - 1} where product_id = ${productId}`);
  return true;
}

/** Correct but costly: the same read-then-write in a SERIALIZABLE transaction, retried on conflict. */
async function serializableBuy(db: PostgresDb, productId: string): Promise<{ sold: boolean; retries: number }> {
  for (let retries = 0; ; retries++) {
    const client = await db.pool.connect();
    try {
      await client.query("begin isolation level serializable");
      const { rows } = await client.query<{ stock: number }>(
        "select stock from product_variants where product_id = $1",
        [productId],
      );
      const sold = (rows[0]?.stock ?? 0) >= 1;
      if (sold) await client.query("update product_variants set stock = stock - 1 where product_id = $1", [productId]);
      await client.query("commit");
      return { sold, retries };
    } catch (error) {
      await client.query("rollback");
      if ((error as { code?: string }).code !== "40001") throw error;
    } finally {
      client.release();
    }
  }
}

export async function runOversell(db: PostgresDb, { buyers, stock }: OversellOptions): Promise<OversellResult> {
  const buyersOf = <T>(productId: string, buy: (id: string) => Promise<T>) =>
    Promise.all(Array.from({ length: buyers }, () => buy(productId)));

  const naiveProduct = await createProduct(db, { stock });
  const [naiveSales, naiveMs] = await timed(() => buyersOf(naiveProduct.id, (id) => naiveBuy(db, id)));

  const serialProduct = await createProduct(db, { stock });
  const [serialSales, serialMs] = await timed(() => buyersOf(serialProduct.id, (id) => serializableBuy(db, id)));

  const shopProduct = await createProduct(db, { stock });
  const shoppers = await shoppersWithCart(db, buyers, shopProduct.id);
  const [outcomes, shopMs] = await timed(() =>
    Promise.all(shoppers.map((shopper) => outcome(checkoutAs(shopper, randomUUID())))),
  );
  const counts = tally(outcomes);
  const [orders] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from order_items where product_id = ${shopProduct.id}`,
  );

  return {
    buyers,
    stock,
    naive: { sold: naiveSales.filter(Boolean).length, stockLeft: await stockOf(db, naiveProduct.id), ms: naiveMs },
    serializable: {
      sold: serialSales.filter((s) => s.sold).length,
      retries: serialSales.reduce((sum, s) => sum + s.retries, 0),
      ms: serialMs,
    },
    shop: {
      sold: counts.ok ?? 0,
      refused: counts.CONFLICT ?? 0,
      stockLeft: await stockOf(db, shopProduct.id),
      orders: orders?.n ?? 0,
      ms: shopMs,
    },
  };
}

export const oversell: Experiment = {
  name: "oversell",
  summary: "100 concurrent checkouts for 10 units: read-then-write vs SERIALIZABLE vs the conditional UPDATE",
  page: "checkout.md",
  database: true,
  async run(db) {
    const r = await runOversell(requireDb(db), { buyers: 100, stock: 10 });
    return {
      title: `oversell: ${r.buyers} shoppers buy 1 each of a product with ${r.stock} in stock`,
      sections: [
        {
          heading: "The wrong way: read the stock, then write stock - 1",
          rows: [
            ["units sold", r.naive.sold],
            ["oversold", r.naive.sold - r.stock],
            ["stock left", r.naive.stockLeft],
            ["time", ms(r.naive.ms)],
          ],
        },
        {
          heading: "Correct but costly: the same read-then-write under SERIALIZABLE, retried",
          rows: [
            ["units sold", r.serializable.sold],
            ["serialization failures retried", r.serializable.retries],
            ["time", ms(r.serializable.ms)],
          ],
        },
        {
          heading: "Shopwright: orders.checkout (UPDATE … SET stock = stock - n WHERE stock >= n)",
          rows: [
            ["orders placed", r.shop.sold],
            ["refused with CONFLICT", r.shop.refused],
            ["order lines in the database", r.shop.orders],
            ["stock left", r.shop.stockLeft],
            ["time", ms(r.shop.ms)],
          ],
        },
      ],
      verdict:
        `Read-then-write sold ${r.naive.sold} of ${r.stock} units; SERIALIZABLE sold ${r.serializable.sold} after ` +
        `${r.serializable.retries} retries; the shop sold ${r.shop.sold} and told the other ${r.shop.refused} why.`,
    };
  },
};
