/**
 * What a person sees when things die: the shop killed mid-checkout on its embedded Postgres, and
 * a Postgres server restarted under a running shop. Real processes, real signals.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShopClient, isShopError } from "@shopwright/client";
import { createPostgresDb } from "@shopwright/db";
import { startEmbeddedPostgres } from "@shopwright/db/embedded";
import { freePort } from "@shopwright/db/testing";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { brokenOrders, stockPlusOrdered } from "./order-accounting.ts";
import { recentOutput, type ServerProcess, startServer, stopProcess } from "./server-process.ts";

const SHOPPERS = 12;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The shop from source on a free port, its own data folder and database as `env` says. */
async function startShop(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: "shop",
    port,
    build: "source",
    env: {
      NODE_ENV: "test",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED: "auto",
      RATE_LIMITS: "off",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
}

describe("a shop killed mid-checkout", () => {
  it("restarts on its embedded database with every order whole and stock matching the units ordered", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "shopwright-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const shop = await startShop({ DATA_DIR: dataDir, DATABASE_URL: "" });

    const guest = createShopClient({ url: shop.url });
    const { items } = await guest.trpc.catalog.search.query({ inStock: true, sort: "price_desc", pageSize: 3 });
    // Each shopper buys one variant of each (the seed sells some in sizes and colours): the first in stock.
    const products = await Promise.all(
      items.map(async (item) => {
        const { variants } = await guest.trpc.catalog.product.query({ slug: item.slug });
        return { id: item.id, stock: item.stock, variantId: variants.find((v) => v.stock > 0)!.id };
      }),
    );

    // Shoppers check out again and again until the shop is killed under them.
    let killed = false;
    let acknowledged = 0;
    const shopper = async (n: number) => {
      const client = createShopClient({ url: shop.url });
      await client.register({ email: `crash${n}@example.com`, password: "a long crash-test password", name: `S ${n}` });
      for (let round = 0; !killed; round++) {
        const { variantId } = products[round % products.length]!;
        try {
          await client.trpc.cart.addItem.mutate({ variantId, quantity: 1 });
          await client.trpc.orders.checkout.mutate({
            idempotencyKey: `crash-${n}-${round}`,
            shippingAddress: {
              name: "S",
              line1: "1 Main St",
              city: "Springfield",
              region: "IL",
              postalCode: "62701",
              country: "US",
            },
          });
          acknowledged += 1;
        } catch (error) {
          if (killed) return;
          // Sold out meanwhile: that product leaves the cart, and the shopper goes on.
          // Anything else is a defect; the shop's own log says why.
          if (!isShopError(error, "CONFLICT")) throw new Error(`${String(error)}\n--- shop\n${recentOutput(shop, 60)}`);
          await client.trpc.cart.removeItem.mutate({ variantId });
        }
      }
    };
    let failure: unknown;
    const load = Promise.all(Array.from({ length: SHOPPERS }, (_, n) => shopper(n)));
    load.catch((error) => {
      failure = error;
    });
    while (acknowledged < 20 && !failure) await new Promise((wake) => setTimeout(wake, 20));
    killed = true;
    shop.child.kill("SIGKILL");
    await load;

    // The killed shop left its postmaster running; the next start takes over from it.
    const embedded = await startEmbeddedPostgres({ dataDir });
    const db = createPostgresDb(embedded.url, { max: 2 });
    try {
      expect(await brokenOrders(db)).toEqual([]);
      const orders = await db.execute<{ n: string }>(sql`select count(*) as n from orders`);
      expect(Number(orders[0]!.n)).toBeGreaterThanOrEqual(acknowledged);
      for (const product of products) expect(await stockPlusOrdered(db, product.id)).toBe(product.stock);
    } finally {
      await db.close();
      await embedded.stop();
    }

    const again = await startShop({ DATA_DIR: dataDir, DATABASE_URL: "" });
    cleanups.push(() => stopProcess(again));
    const reopened = await createShopClient({ url: again.url }).trpc.catalog.product.query({ slug: items[0]!.slug });
    expect(reopened.id).toBe(products[0]!.id);
  }, 180_000);
});

describe("a Postgres restart under a running shop", () => {
  it("keeps the shop up, and it answers again by itself once the server is back", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "shopwright-restart-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startEmbeddedPostgres({ dataDir });
    const port = Number(new URL(first.url).port);
    let server = first;
    cleanups.push(() => server.stop());
    const shop = await startShop({ DATA_DIR: join(dataDir, "shop"), DATABASE_URL: first.url, WORKER: "inline" });
    cleanups.push(() => stopProcess(shop));
    const client = createShopClient({ url: shop.url });
    const search = () => client.trpc.catalog.search.query({ q: "lamp" });
    expect((await search()).total).toBeGreaterThan(0);

    await first.stop();
    await expect(search()).rejects.toThrow();
    expect((await fetch(`${shop.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${shop.url}/readyz`)).status).toBe(503);

    server = await startEmbeddedPostgres({ dataDir, port });
    const deadline = Date.now() + 20_000;
    let answered = false;
    while (!answered && Date.now() < deadline) {
      answered = await search().then(
        (page) => page.total > 0,
        () => false,
      );
      if (!answered) await new Promise((wake) => setTimeout(wake, 250));
    }
    expect(answered).toBe(true);
    expect(shop.child.exitCode).toBeNull();
  }, 120_000);
});
