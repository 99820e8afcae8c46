/**
 * The rules every quote prices with (the tax settings and rates, the shipping zones with their
 * countries and active methods), kept in memory under the pricing version (./version.ts). A quote
 * then reads one primary-key row where it read five tables, inside the same transaction as before,
 * and reads the rules again only after an admin changed them, on whichever process asks next.
 * Discount codes are not kept: their usage counter moves with every order.
 */
import type { Db } from "@shopwright/db";
import type { ShippingZone } from "./shipping.ts";
import { loadShippingZones } from "./shipping-zones.ts";
import type { TaxSettings } from "./tax.ts";
import { loadTaxSettings } from "./tax-settings.ts";
import { readPricingVersion } from "./version.ts";

export interface PricingRules {
  taxSettings: TaxSettings;
  zones: readonly ShippingZone[];
}

const KEPT = Symbol("pricing rules");

interface Kept {
  version: number;
  rules: PricingRules;
}

export async function pricingRules(db: Db): Promise<PricingRules> {
  const version = await readPricingVersion(db);
  const kept = db.memo.get(KEPT) as Kept | undefined;
  if (kept?.version === version) return kept.rules;
  const [taxSettings, zones] = await Promise.all([loadTaxSettings(db), loadShippingZones(db)]);
  // Shared by every later quote on this process, so no caller may change them.
  const rules = deepFreeze({ taxSettings, zones });
  // A save that committed between the reads moved the version: rules read across it may mix two
  // versions, so they price this quote (as they always did) but are not kept.
  if ((await readPricingVersion(db)) === version) db.memo.set(KEPT, { version, rules });
  return rules;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
