/**
 * Coupon race: a code limited to N uses, and many shoppers using it at once. The wrong way reads
 * the usage count, checks it against the limit in JavaScript and writes back the number it
 * computed, so concurrent shoppers all see the same count, all get the discount, and their writes
 * overwrite each other. The shop's checkout raises the count with one conditional UPDATE inside
 * the order's transaction and grants exactly N.
 */
import { randomUUID } from "node:crypto";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import { type Experiment, requireDb } from "../experiment.ts";
import { ms, timed } from "../report.ts";
import {
  checkoutAs,
  createProduct,
  createSignedInUser,
  outcome,
  shopConfig,
  shoppersWithCart,
  tally,
} from "../shop.ts";

export interface CouponRaceOptions {
  shoppers: number;
  limit: number;
}

export interface CouponRaceResult {
  shoppers: number;
  limit: number;
  naive: { granted: number; usedCount: number; ms: number };
  shop: { granted: number; refused: number; usedCount: number; redemptions: number; ms: number };
}

const usedCountOf = async (db: PostgresDb, code: string) =>
  Number(
    (await db.execute<{ used: number }>(sql`select used_count as used from discount_codes where code = ${code}`))[0]
      ?.used,
  );

/** THE WRONG WAY: read the count, decide in JavaScript, write the number it computed. */
async function naiveRedeem(db: PostgresDb, code: string): Promise<boolean> {
  const [row] = await db.execute<{ used: number; limit: number }>(
    sql`select used_count as used, usage_limit as limit from discount_codes where code = ${code}`,
  );
  if (!row || row.used >= row.limit) return false;
  await db.run(sql`update discount_codes set used_count = ${row.used + 1} where code = ${code}`);
  return true;
}

export async function runCouponRace(db: PostgresDb, { shoppers, limit }: CouponRaceOptions): Promise<CouponRaceResult> {
  const admin = await createSignedInUser(db, { role: "admin", config: shopConfig });
  const createCode = (code: string) =>
    admin.caller.admin.discounts.create({ code, kind: "percent", value: 10, usageLimit: limit });

  await createCode("NAIVE");
  const [naiveUses, naiveMs] = await timed(() =>
    Promise.all(Array.from({ length: shoppers }, () => naiveRedeem(db, "NAIVE"))),
  );

  await createCode("SHOP");
  const product = await createProduct(db, { stock: shoppers });
  const crowd = await shoppersWithCart(db, shoppers, product.id);
  for (const shopper of crowd) await shopper.caller.cart.applyDiscountCode({ code: "SHOP" });
  const [outcomes, shopMs] = await timed(() =>
    Promise.all(crowd.map((shopper) => outcome(checkoutAs(shopper, randomUUID())))),
  );
  const counts = tally(outcomes);
  const [redemptions] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from discount_redemptions r join discount_codes c on c.id = r.discount_code_id
        where c.code = 'SHOP'`,
  );

  return {
    shoppers,
    limit,
    naive: { granted: naiveUses.filter(Boolean).length, usedCount: await usedCountOf(db, "NAIVE"), ms: naiveMs },
    shop: {
      granted: counts.ok ?? 0,
      refused: counts.CONFLICT ?? 0,
      usedCount: await usedCountOf(db, "SHOP"),
      redemptions: redemptions?.n ?? 0,
      ms: shopMs,
    },
  };
}

export const couponRace: Experiment = {
  name: "coupon-race",
  summary: "100 shoppers at once for a code limited to 10 uses: read-then-write vs the conditional UPDATE",
  page: "pricing.md",
  database: true,
  async run(db) {
    const r = await runCouponRace(requireDb(db), { shoppers: 100, limit: 10 });
    return {
      title: `coupon-race: ${r.shoppers} shoppers use a code limited to ${r.limit} uses, all at once`,
      sections: [
        {
          heading: "The wrong way: read used_count, check it, then write used_count + 1",
          rows: [
            ["discounts granted", r.naive.granted],
            ["granted past the limit", r.naive.granted - r.limit],
            ["used_count stored", r.naive.usedCount],
            ["time", ms(r.naive.ms)],
          ],
        },
        {
          heading:
            "Shopwright: orders.checkout (UPDATE … SET used_count = used_count + 1 WHERE used_count < usage_limit)",
          rows: [
            ["orders placed with the code", r.shop.granted],
            ["refused with CONFLICT", r.shop.refused],
            ["redemptions in the database", r.shop.redemptions],
            ["used_count stored", r.shop.usedCount],
            ["time", ms(r.shop.ms)],
          ],
        },
      ],
      verdict:
        `Read-then-write gave a ${r.limit}-use code to ${r.naive.granted} shoppers and its counter says ` +
        `${r.naive.usedCount}; the shop gave it to ${r.shop.granted}, counted ${r.shop.usedCount}, and told the ` +
        `other ${r.shop.refused} why.`,
    };
  },
};
