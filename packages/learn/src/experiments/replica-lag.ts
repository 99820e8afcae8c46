/**
 * Replica lag: an admin changes a price on the primary and reloads the product page, whose read
 * goes to a streaming replica that has not replayed the change yet (paused here on purpose, as a
 * busy or distant replica would be for a moment). Read from the replica without a rule, the admin
 * sees the old price; the shop's routing (routeCatalogReads) compares catalog versions and sends
 * that read to the primary until the replica has caught up.
 */
import { type CatalogReader, type ReplicaReason, readCatalogVersion, routeCatalogReads } from "@shopwright/api/server";
import { createCaller, createTestContext } from "@shopwright/api/testing";
import { createPostgresDb, migrate, type PostgresDb } from "@shopwright/db";
import { startReplicatedPostgres } from "@shopwright/db/testing";
import { sql } from "drizzle-orm";
import type { Experiment } from "../experiment.ts";
import { createProduct, createSignedInUser } from "../shop.ts";

const SLUG = "brass-desk-lamp";
const OLD_PRICE = 2_400;
const NEW_PRICE = 1_900;

/** What the primary says of its replica (pg_stat_replication) and the replica of itself. */
export interface LagView {
  /** WAL the primary has written that the replica has not replayed yet. */
  bytesBehind: number;
  replayPaused: boolean;
}

export interface ReplicaLagResult {
  /** The product page's price read from the replica directly, right after the edit. */
  replicaDirect: number;
  /** The same page through the shop's routing, and where the routing sent it. */
  shopRouted: number;
  shopRoutedTo: string;
  lagWhilePaused: LagView;
  /** After replay resumed and caught up: the routed read, and where it went. */
  afterCatchUp: { price: number; routedTo: string; lag: LagView };
}

async function lagOf(primary: PostgresDb, replica: PostgresDb): Promise<LagView> {
  const [sender] = await primary.execute<{ behind: string | null }>(
    sql`select pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text as behind from pg_stat_replication`,
  );
  const [standby] = await replica.execute<{ paused: boolean }>(sql`select pg_is_wal_replay_paused() as paused`);
  return { bytesBehind: Number(sender?.behind ?? 0), replayPaused: Boolean(standby?.paused) };
}

export async function runReplicaLag(): Promise<ReplicaLagResult> {
  const servers = await startReplicatedPostgres();
  const primary = createPostgresDb(servers.primaryUrl, { max: 4 });
  const replica = createPostgresDb(servers.replicaUrl, { max: 4 });
  try {
    await migrate(primary);
    const lamp = await createProduct(primary, { name: "Brass Desk Lamp", slug: SLUG, priceCents: OLD_PRICE });
    const admin = await createSignedInUser(primary, { role: "admin" });
    await servers.caughtUp();

    let routedTo: string[] = [];
    const routed: CatalogReader = routeCatalogReads({
      primary,
      replica,
      primaryVersion: () => readCatalogVersion(primary),
      replicaVersion: () => readCatalogVersion(replica),
      retryMs: 2_000,
      onRead: (database: string, reason: ReplicaReason) => routedTo.push(`${database} (${reason})`),
    });
    // A shopper's product page as the server answers it: with a replica, and with the shop's rule.
    const direct = createCaller(createTestContext(replica));
    const shop = createCaller({ ...createTestContext(primary), readCatalog: routed });
    const pagePrice = async (caller: typeof shop) => (await caller.catalog.product({ slug: SLUG })).priceCents;

    await servers.pauseReplay();
    let replicaDirect: number;
    let shopRouted: number;
    let shopRoutedTo: string;
    let lagWhilePaused: LagView;
    try {
      await admin.caller.admin.products.update({ id: lamp.id, priceCents: NEW_PRICE });
      replicaDirect = await pagePrice(direct);
      shopRouted = await pagePrice(shop);
      shopRoutedTo = routedTo.join(", ");
      lagWhilePaused = await lagOf(primary, replica);
    } finally {
      await servers.resumeReplay();
    }
    await servers.caughtUp();
    routedTo = [];
    const caughtUpPrice = await pagePrice(shop);
    return {
      replicaDirect,
      shopRouted,
      shopRoutedTo,
      lagWhilePaused,
      afterCatchUp: { price: caughtUpPrice, routedTo: routedTo.join(", "), lag: await lagOf(primary, replica) },
    };
  } finally {
    await replica.close();
    await primary.close();
    await servers.stop();
  }
}

const price = (cents: number) => (cents / 100).toFixed(2);
const lagText = (lag: LagView) =>
  `${lag.bytesBehind} bytes of WAL behind, replay ${lag.replayPaused ? "paused" : "running"}`;

export const replicaLag: Experiment = {
  name: "replica-lag",
  summary: "a price edited on the primary, read back from a lagging replica: the old price, unless routed",
  page: "observability.md",
  database: false,
  async run() {
    const r = await runReplicaLag();
    return {
      title: "replica-lag: an admin edits a price and reloads the product page",
      sections: [
        {
          heading: `Replay paused on the replica; the price changed on the primary from ${price(OLD_PRICE)} to ${price(NEW_PRICE)}`,
          rows: [["lag (pg_stat_replication, pg_is_wal_replay_paused)", lagText(r.lagWhilePaused)]],
        },
        {
          heading: "The wrong way: catalog reads always on the replica",
          rows: [["price on the product page", price(r.replicaDirect)]],
        },
        {
          heading: "Shopwright: routeCatalogReads compares the catalog versions",
          rows: [
            ["price on the product page", price(r.shopRouted)],
            ["  read on", r.shopRoutedTo],
          ],
        },
        {
          heading: "Replay resumed and caught up",
          rows: [
            ["lag", lagText(r.afterCatchUp.lag)],
            ["price on the product page", price(r.afterCatchUp.price)],
            ["  read on", r.afterCatchUp.routedTo],
          ],
        },
      ],
      verdict:
        `Read from the lagging replica, the admin's own edit is not there (${price(r.replicaDirect)}); ` +
        `the shop's routing saw the replica's catalog version behind the primary's and read ${price(r.shopRouted)} from the primary, ` +
        "then went back to the replica once it had replayed the edit.",
    };
  },
};
