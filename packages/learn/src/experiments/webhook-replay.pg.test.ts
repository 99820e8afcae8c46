import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runWebhookReplay } from "./webhook-replay.ts";

const testDb = useTestDb();

it("acting on every delivery repeats its effects; the shop applies an event once and refuses forged and stale ones", async () => {
  const r = await runWebhookReplay(testDb(), { deliveries: 4 });
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
