/** Shipping zones on a Postgres server with parallel connections: a country still ends up in one zone. */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../testing/index.ts";

describe("shipping zones under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 10 });
  });
  afterAll(() => db.close());

  it("of two admins adding one country to two zones at once, one wins and the other is told where it went", async () => {
    const [first, second] = await Promise.all([
      createSignedInUser(db, { role: "admin" }),
      createSignedInUser(db, { role: "admin" }),
    ]);
    const method = { name: "Standard", estimate: "3–5 working days", priceCents: 495 };
    const countries = ["FR", "DE", "IT", "ES", "PT", "BE", "AT", "PL"];
    for (const [round, country] of countries.entries()) {
      const results = await Promise.allSettled([
        first.caller.admin.shipping.createZone({ name: `A ${round}`, countries: [country], methods: [method] }),
        second.caller.admin.shipping.createZone({ name: `B ${round}`, countries: [country], methods: [method] }),
      ]);
      const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected");
      expect(lost).toMatchObject({
        reason: { code: "BAD_REQUEST", message: expect.stringContaining(`is already in the zone "${won[0]!.name}"`) },
      });
    }
    const zones = await first.caller.admin.shipping.listZones();
    expect(zones.flatMap((zone) => zone.countries).sort()).toEqual([...countries].sort());
    expect(zones).toHaveLength(countries.length);
  });
});
