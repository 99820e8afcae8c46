/**
 * The merchant's pricing controls on a Postgres server with parallel connections: a country still
 * ends up in one zone, and two saves of the tax settings queue rather than mix or fail.
 */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../testing/index.ts";
import type { TaxRate } from "./tax.ts";

describe("pricing controls under concurrency", () => {
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

  it("of two admins saving the tax rates at once, both succeed and the rates are one admin's list, whole", async () => {
    const [first, second] = await Promise.all([
      createSignedInUser(db, { role: "admin" }),
      createSignedInUser(db, { role: "admin" }),
    ]);
    const europe = [
      { country: "DE", region: null, ratePercent: "19" },
      { country: "FR", region: null, ratePercent: "20" },
    ];
    const states = [
      { country: "US", region: "NY", ratePercent: "8.875" },
      { country: "US", region: "TX", ratePercent: "6.25" },
      { country: "DE", region: null, ratePercent: "7" },
    ];
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([
        first.caller.admin.taxes.update({ pricesIncludeTax: true, taxShipping: true, rates: europe }),
        second.caller.admin.taxes.update({ pricesIncludeTax: false, taxShipping: false, rates: states }),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      const saved = await first.caller.admin.taxes.get();
      const sorted = (rates: readonly TaxRate[]) =>
        [...rates].sort((a, b) => `${a.country}${a.region}`.localeCompare(`${b.country}${b.region}`));
      expect([
        { pricesIncludeTax: true, taxShipping: true, rates: sorted(europe) },
        { pricesIncludeTax: false, taxShipping: false, rates: sorted(states) },
      ]).toContainEqual({ ...saved, rates: sorted(saved.rates) });
    }
  });
});
