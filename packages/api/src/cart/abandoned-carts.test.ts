import { type Db, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { cartTables } from "@shopwright/db/tables/cart";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProduct } from "../testing/fixtures.ts";
import { testConfig } from "../testing/index.ts";
import { deleteAbandonedGuestCarts } from "./abandoned-carts.ts";
import { cartTasks } from "./tasks.ts";

const DAY = 86_400_000;
let db: Db;
let variantId: string;

beforeAll(async () => {
  db = await createTestDb();
  variantId = (await createProduct(db, { slug: "lamp", name: "Lamp", priceCents: 1_000, stock: 10 })).variantId;
});
afterAll(() => db.close());

/** A cart last changed `daysAgo` days ago, holding one line. */
async function cart(daysAgo: number, owner: "guest" | "user") {
  const { carts, cartItems } = cartTables(db);
  const { users } = authTables(db);
  const id = newId("cart");
  let userId: string | null = null;
  if (owner === "user") {
    userId = newId("usr");
    await db.orm.insert(users).values({ id: userId, email: `${userId}@example.com`, name: "U", passwordHash: "!" });
  }
  const updatedAt = new Date(Date.now() - daysAgo * DAY);
  await db.orm
    .insert(carts)
    .values({ id, userId, tokenHash: owner === "guest" ? id : null, createdAt: updatedAt, updatedAt });
  await db.orm.insert(cartItems).values({ cartId: id, variantId, quantity: 1 });
  return id;
}

async function remaining() {
  const { carts, cartItems } = cartTables(db);
  const cartIds = (await db.orm.select({ id: carts.id }).from(carts)).map((c) => c.id).sort();
  const lineCartIds = (await db.orm.select({ id: cartItems.cartId }).from(cartItems)).map((l) => l.id).sort();
  return { cartIds, lineCartIds };
}

describe(`abandoned guest carts on ${testDialect()}`, () => {
  it("deletes guest carts unchanged since the cutoff, with their lines, and keeps users' carts", async () => {
    await cart(40, "guest");
    const fresh = await cart(29, "guest");
    const userCart = await cart(400, "user");
    expect(await deleteAbandonedGuestCarts(db, new Date(Date.now() - 30 * DAY))).toBe(1);
    const kept = [fresh, userCart].sort();
    expect(await remaining()).toEqual({ cartIds: kept, lineCartIds: kept });
    expect(await deleteAbandonedGuestCarts(db, new Date(Date.now() - 30 * DAY))).toBe(0);
  });

  it("runs as the cleanup_abandoned_carts task with a 30-day cutoff", async () => {
    const before = (await remaining()).cartIds;
    const stale = await cart(31, "guest");
    const recent = await cart(1, "guest");
    const handler = cartTasks({ db, config: testConfig }).cleanup_abandoned_carts;
    const info = vi.fn();
    // A cron job's payload carries graphile-worker's `_cron` facts beside ours.
    const cronPayload = { _cron: { ts: new Date().toISOString(), backfilled: false } };
    await handler?.(
      cronPayload as Parameters<NonNullable<typeof handler>>[0],
      {
        logger: { info },
      } as unknown as JobHelpers,
    );
    const after = (await remaining()).cartIds;
    expect(after).toContain(recent);
    expect(after).not.toContain(stale);
    expect(after).toHaveLength(before.length + 1);
    expect(info).toHaveBeenCalledWith(expect.stringContaining("1 abandoned"), expect.objectContaining({ deleted: 1 }));
  });
});
