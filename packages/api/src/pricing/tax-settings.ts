/**
 * The shop's tax settings as stored: whether prices include tax, whether shipping is taxed, and one
 * rate per place. Read into the `TaxSettings` the pricing pipeline takes; saved whole by the admin.
 */
import { type Db, newId } from "@shopwright/db";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { asc, eq } from "drizzle-orm";
import { problemsError } from "./problems.ts";
import { formatRatePpm, ratePpm, type TaxSettings } from "./tax.ts";
import { checkTaxRates } from "./tax-rules.ts";
import { recordPricingWrite } from "./version.ts";

const ROW = 1;

/** Until the merchant says otherwise: US style (tax added at checkout), shipping untaxed, no rates. */
export const DEFAULT_TAX_SETTINGS: TaxSettings = { pricesIncludeTax: false, taxShipping: false, rates: [] };

export async function loadTaxSettings(db: Db): Promise<TaxSettings> {
  const { taxSettings, taxRates } = pricingTables(db);
  const [[settings], rates] = await Promise.all([
    db.orm.select().from(taxSettings).where(eq(taxSettings.id, ROW)),
    db.orm.select().from(taxRates).orderBy(asc(taxRates.country), asc(taxRates.region)),
  ]);
  return {
    pricesIncludeTax: settings?.pricesIncludeTax ?? DEFAULT_TAX_SETTINGS.pricesIncludeTax,
    taxShipping: settings?.taxShipping ?? DEFAULT_TAX_SETTINGS.taxShipping,
    rates: rates.map((rate) => ({
      country: rate.country,
      region: rate.region || null,
      ratePercent: formatRatePpm(rate.ratePpm),
    })),
  };
}

/** Replaces the settings and every rate at once, after `checkTaxRates`; nothing is saved on a problem. */
export async function updateTaxSettings(db: Db, actorId: string, input: TaxSettings): Promise<TaxSettings> {
  const rates = input.rates.map((rate) => ({
    country: rate.country.trim().toUpperCase(),
    region: rate.region?.trim().toUpperCase() || null,
    ratePercent: rate.ratePercent.trim(),
  }));
  const problems = checkTaxRates(rates);
  if (problems.length > 0) throw problemsError(problems);

  const { taxSettings, taxRates } = pricingTables(db);
  const settings = { pricesIncludeTax: input.pricesIncludeTax, taxShipping: input.taxShipping };
  await db.transaction(async (tx) => {
    // The settings row first: its lock queues two admins saving at once, so the second replaces
    // the first's rates instead of meeting them.
    await tx.orm
      .insert(taxSettings)
      .values({ id: ROW, ...settings })
      .onConflictDoUpdate({ target: taxSettings.id, set: settings });
    await tx.orm.delete(taxRates);
    if (rates.length > 0) {
      await tx.orm.insert(taxRates).values(
        rates.map((rate) => ({
          id: newId("tax"),
          country: rate.country,
          region: rate.region ?? "",
          ratePpm: ratePpm(rate.ratePercent),
        })),
      );
    }
    await recordPricingWrite(tx, {
      actorId,
      action: "tax_settings.updated",
      entityType: "tax_settings",
      entityId: String(ROW),
      details: { ...settings, rates },
    });
  });
  return loadTaxSettings(db);
}
