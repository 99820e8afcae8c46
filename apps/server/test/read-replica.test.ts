/**
 * Public catalog reads on a real streaming replica (DATABASE_READ_URL): they go to the replica
 * while it has caught up, a product page's stock comes from the primary, a replica paused on
 * purpose never gets an old page cached under the new catalog version, and a replica that is down
 * costs nothing but the primary's work.
 */
import { createCategory, createProduct, createSignedInUser } from "@shopwright/api/testing";
import { createPostgresDb, migrate, type PostgresDb } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { type ReplicatedPostgres, startReplicatedPostgres } from "@shopwright/db/testing";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { openReplica } from "../src/read-replica.ts";
import { bearer, createTestApp, trpcCall } from "./harness.ts";

let servers: ReplicatedPostgres;
let primary: PostgresDb;
let replica: PostgresDb;
let shop: Awaited<ReturnType<typeof createTestApp>>;
let lampId: string;

beforeAll(async () => {
  servers = await startReplicatedPostgres();
  primary = createPostgresDb(servers.primaryUrl, { max: 10 });
  replica = createPostgresDb(servers.replicaUrl, { max: 10, connectionTimeoutMs: 1_000 });
  await migrate(primary);
  const category = await createCategory(primary, { slug: "lighting" });
  lampId = (await createProduct(primary, { categoryId: category.id, name: "Brass Desk Lamp", slug: "brass-desk-lamp" }))
    .id;
  await createProduct(primary, { categoryId: category.id, name: "Oak Bookshelf", slug: "oak-bookshelf" });
  await servers.caughtUp();
  shop = await createTestApp({
    db: primary,
    catalogCache: { maxBytes: 8 * 1024 * 1024, ttlMs: 60_000 },
    deps: { readDb: replica },
  });
}, 120_000);

afterAll(async () => {
  await replica?.close();
  await primary?.close();
  await servers?.stop();
});

const search = (q: string) =>
  trpcCall<{ items: { name: string; stock: number }[] }>(shop.app, "catalog.search", { q }, { method: "GET" });
const product = (slug: string) =>
  trpcCall<{ name: string; stock: number }>(shop.app, "catalog.product", { slug }, { method: "GET" });

/** How many catalog reads the metrics say went to `database` for `reason`. */
async function reads(database: "replica" | "primary", reason: string): Promise<number> {
  const metric = await shop.metrics.catalogReads.get();
  return metric.values.find((v) => v.labels.database === database && v.labels.reason === reason)?.value ?? 0;
}

describe("catalog reads with a read replica", () => {
  it("refuse, at start and with a sentence, a DATABASE_READ_URL that is the primary or has a wrong password", async () => {
    const logger = createLogger("silent");
    await expect(openReplica(servers.primaryUrl, logger, () => false)).rejects.toThrow(
      /^DATABASE_READ_URL: postgres:\/\/postgres:\*\*\*@.* accepts writes, so it is not a replica/,
    );
    const wrong = new URL(servers.replicaUrl);
    wrong.password = "not-the-password";
    await expect(openReplica(wrong.toString(), logger, () => false)).rejects.toThrow(
      /^DATABASE_READ_URL: cannot use postgres:\/\/postgres:\*\*\*@.*: password authentication failed for user "postgres"$/,
    );
    const replicaPool = await openReplica(servers.replicaUrl, logger, () => false);
    await replicaPool.close();
  });

  it("go to the replica once it has caught up, while a product page shows the primary's stock", async () => {
    const before = await reads("replica", "caught_up");
    expect((await search("lamp")).data?.items.map((item) => item.name)).toEqual(["Brass Desk Lamp"]);
    expect(await reads("replica", "caught_up")).toBe(before + 1);

    await servers.pauseReplay();
    try {
      // A sale: stock moves on the primary without a catalog write; the paused replica still has 10.
      const { products, productVariants } = catalogTables(primary);
      await primary.orm
        .update(productVariants)
        .set({ stock: 7 })
        .where(
          inArray(
            productVariants.productId,
            primary.orm.select({ id: products.id }).from(products).where(eq(products.slug, "oak-bookshelf")),
          ),
        );
      const page = await product("oak-bookshelf");
      expect(page.data?.stock).toBe(7);
      expect(await reads("replica", "caught_up")).toBe(before + 2);
    } finally {
      await servers.resumeReplay();
    }
  });

  it("never caches an older catalog under the new version while the replica is paused", async () => {
    await servers.caughtUp();
    expect((await search("desk")).data?.items[0]?.name).toBe("Brass Desk Lamp");
    await servers.pauseReplay();
    try {
      const admin = await createSignedInUser(primary, { role: "admin" });
      const edit = await trpcCall(
        shop.app,
        "admin.products.update",
        { id: lampId, name: "Copper Desk Lamp" },
        bearer(admin.accessToken),
      );
      expect(edit.status).toBe(200);
      const lagging = await reads("primary", "lagging");
      const first = await search("desk");
      const second = await search("desk");
      expect(first.headers.get("x-cache")).toBe("miss");
      expect(first.data?.items[0]?.name).toBe("Copper Desk Lamp");
      expect(second.headers.get("x-cache")).toBe("hit");
      expect(second.data?.items[0]?.name).toBe("Copper Desk Lamp");
      expect(await reads("primary", "lagging")).toBe(lagging + 1);
    } finally {
      await servers.resumeReplay();
    }
    await servers.caughtUp();
    const replicaReads = await reads("replica", "caught_up");
    expect((await search("copper")).data?.items[0]?.name).toBe("Copper Desk Lamp");
    expect(await reads("replica", "caught_up")).toBe(replicaReads + 1);
  });

  it("fall back to the primary while the replica is down, and return to it when it is back", async () => {
    await servers.stopReplica();
    try {
      const unreachable = await reads("primary", "unreachable");
      const answer = await search("bookshelf");
      expect(answer.status).toBe(200);
      expect(answer.data?.items[0]?.name).toBe("Oak Bookshelf");
      expect(await reads("primary", "unreachable")).toBe(unreachable + 1);
    } finally {
      await servers.startReplica();
    }
    // Tried again once its retry pause is over; polled, since that pause is a few seconds.
    const deadline = Date.now() + 30_000;
    const back = await reads("replica", "caught_up");
    let n = 0;
    while ((await reads("replica", "caught_up")) === back) {
      expect(Date.now()).toBeLessThan(deadline);
      expect((await search(`oak ${n++}`)).status).toBe(200);
      await new Promise((wake) => setTimeout(wake, 100));
    }
  });
});
