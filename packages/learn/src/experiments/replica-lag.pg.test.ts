import { expect, it } from "vitest";
import { runReplicaLag } from "./replica-lag.ts";

it("a lagging replica shows the admin the old price; the shop's routing reads the new one from the primary", async () => {
  const r = await runReplicaLag();
  expect(r.lagWhilePaused.replayPaused).toBe(true);
  expect(r.lagWhilePaused.bytesBehind).toBeGreaterThan(0);
  expect(r.replicaDirect).toBe(2_400);
  expect(r.shopRouted).toBe(1_900);
  expect(r.shopRoutedTo).toBe("primary (lagging)");
  // Not the bytes behind: the primary may write more WAL (a checkpoint) at any moment.
  expect(r.afterCatchUp).toMatchObject({ price: 1_900, routedTo: "replica (caught_up)", lag: { replayPaused: false } });
}, 120_000);
