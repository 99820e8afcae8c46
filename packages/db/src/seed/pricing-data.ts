/**
 * The seeded shop's pricing, so a fresh `pnpm start` charges like a real US shop: domestic and
 * international shipping, sales tax added at checkout in two states, and one promotion to try.
 * The admin edits all of it under Shipping, Taxes and Discounts.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { newId } from "../ids.ts";
import { pricingTables } from "../tables/pricing.ts";

const INTERNATIONAL = ["CA", "GB", "IE", "DE", "FR", "NL", "BE", "ES", "IT", "SE", "DK", "AU", "NZ", "JP"];

export async function seedPricing(db: Db): Promise<void> {
  const {
    shippingZones,
    shippingZoneCountries,
    shippingMethods,
    taxSettings,
    taxRates,
    discountCodes,
    pricingVersion,
  } = pricingTables(db);
  const domestic = newId("zone");
  const international = newId("zone");
  await db.orm.insert(shippingZones).values([
    { id: domestic, name: "United States" },
    { id: international, name: "International" },
  ]);
  await db.orm
    .insert(shippingZoneCountries)
    .values([
      { zoneId: domestic, country: "US" },
      ...INTERNATIONAL.map((country) => ({ zoneId: international, country })),
    ]);
  await db.orm.insert(shippingMethods).values([
    {
      id: newId("ship"),
      zoneId: domestic,
      name: "Standard",
      estimate: "5–7 working days",
      priceCents: 599,
      freeAboveCents: 7500,
      position: 0,
    },
    {
      id: newId("ship"),
      zoneId: domestic,
      name: "Express",
      estimate: "1–2 working days",
      priceCents: 1495,
      position: 1,
    },
    {
      id: newId("ship"),
      zoneId: international,
      name: "International",
      estimate: "7–14 working days",
      priceCents: 1995,
      position: 0,
    },
  ]);
  // Rates in millionths: 8.875 % is 88,750.
  await db.orm.insert(taxSettings).values({ id: 1, pricesIncludeTax: false, taxShipping: true });
  await db.orm.insert(taxRates).values([
    { id: newId("tax"), country: "US", region: "NY", ratePpm: 88_750 },
    { id: newId("tax"), country: "US", region: "CA", ratePpm: 72_500 },
    { id: newId("tax"), country: "US", region: "TX", ratePpm: 62_500 },
  ]);
  await db.orm.insert(discountCodes).values({ id: newId("disc"), code: "SPRING10", kind: "percent", value: 10 });
  // A process that priced the empty shop keeps its rules under the version: moving it shows this one the seed.
  await db.orm
    .insert(pricingVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: pricingVersion.id, set: { version: sql`${pricingVersion.version} + 1` } });
}
