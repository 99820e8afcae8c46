import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runWebhookReplay } from "./webhook-replay.ts";

let db: Awaited<ReturnType<typeof createPostgresTestDb>>;
beforeAll(async () => {
  db = await createPostgresTestDb();
});
afterAll(() => db.close());

it("acting on every delivery repeats its effects; the shop applies an event once and refuses forged and stale ones", async () => {
  const r = await runWebhookReplay(db, { deliveries: 4 });
  expect(r.naive).toMatchObject({ emails: 4, transitions: 4, forgedAccepted: true, staleAccepted: true });
  expect(r.shop).toMatchObject({
    outcomes: { applied: 1, duplicate: 3 },
    emails: 1,
    transitions: 1,
    status: "processing",
    forged: "BAD_REQUEST: Signature does not match",
    stale: "BAD_REQUEST: Signature timestamp outside the tolerance",
    forgedOrderStatus: "placed",
    staleOrderStatus: "placed",
  });
});
