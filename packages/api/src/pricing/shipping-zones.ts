/**
 * Shipping zones as stored: each a set of countries (a country in at most one zone, which the
 * database's unique country enforces) with its methods. Read into the `ShippingZone`s that
 * `shippingOptions` takes; created, replaced and deleted whole by the admin.
 */
import { type Db, isConstraintViolation, newId } from "@shopwright/db";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { asc, eq, ne } from "drizzle-orm";
import { notFound } from "../errors.ts";
import { problemsError } from "./problems.ts";
import type { ShippingZone } from "./shipping.ts";
import { checkShippingZone, type ShippingMethodInput, type ShippingZoneInput } from "./shipping-rules.ts";
import { recordPricingWrite } from "./version.ts";

export interface ShippingMethodFields extends ShippingMethodInput {
  /** A method kept from before an update keeps its id; a new one has none. */
  id?: string;
  /** A paused method is kept but not offered. */
  active?: boolean;
}

export interface ShippingZoneFields extends ShippingZoneInput {
  methods: readonly ShippingMethodFields[];
}

export interface AdminShippingMethod {
  id: string;
  name: string;
  estimate: string;
  priceCents: number;
  freeAboveCents: number | null;
  active: boolean;
}

export interface AdminShippingZone {
  id: string;
  name: string;
  countries: string[];
  methods: AdminShippingMethod[];
}

/** Every zone with all its methods, paused ones too, by name. */
export async function listShippingZones(db: Db): Promise<AdminShippingZone[]> {
  const { shippingZones, shippingZoneCountries, shippingMethods } = pricingTables(db);
  const [zones, countries, methods] = await Promise.all([
    db.orm
      .select({ id: shippingZones.id, name: shippingZones.name })
      .from(shippingZones)
      .orderBy(asc(shippingZones.name), asc(shippingZones.id)),
    db.orm.select().from(shippingZoneCountries).orderBy(asc(shippingZoneCountries.country)),
    db.orm.select().from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.id)),
  ]);
  return zones.map((zone) => ({
    ...zone,
    countries: countries.filter((row) => row.zoneId === zone.id).map((row) => row.country),
    methods: methods
      .filter((method) => method.zoneId === zone.id)
      .map(({ id, name, estimate, priceCents, freeAboveCents, active }) => ({
        id,
        name,
        estimate,
        priceCents,
        freeAboveCents,
        active,
      })),
  }));
}

/** The zones as shoppers are served: only methods that are not paused. */
export async function loadShippingZones(db: Db): Promise<ShippingZone[]> {
  const zones = await listShippingZones(db);
  return zones.map((zone) => ({ ...zone, methods: zone.methods.filter((method) => method.active) }));
}

export async function createShippingZone(db: Db, actorId: string, input: ShippingZoneFields) {
  const id = newId("zone");
  await saveZone(db, actorId, id, normalised(input), "created");
  return zoneById(db, id);
}

/** Replaces the zone's name, countries and methods; a method sent with its id keeps that id. */
export async function updateShippingZone(db: Db, actorId: string, id: string, input: ShippingZoneFields) {
  await saveZone(db, actorId, id, normalised(input), "updated");
  return zoneById(db, id);
}

export async function deleteShippingZone(db: Db, actorId: string, id: string) {
  const { shippingZones } = pricingTables(db);
  await db.transaction(async (tx) => {
    const [deleted] = await tx.orm
      .delete(shippingZones)
      .where(eq(shippingZones.id, id))
      .returning({ name: shippingZones.name });
    if (!deleted) throw notFound("Shipping zone");
    await recordPricingWrite(tx, {
      actorId,
      action: "shipping_zone.deleted",
      entityType: "shipping_zone",
      entityId: id,
      details: { name: deleted.name },
    });
  });
  return { ok: true as const };
}

function normalised(input: ShippingZoneFields): ShippingZoneFields {
  return {
    name: input.name.trim(),
    countries: input.countries.map((country) => country.trim().toUpperCase()),
    methods: input.methods.map((method) => ({
      ...method,
      name: method.name.trim(),
      estimate: method.estimate.trim(),
      freeAboveCents: method.freeAboveCents ?? null,
    })),
  };
}

async function zoneById(db: Db, id: string): Promise<AdminShippingZone> {
  const zone = (await listShippingZones(db)).find((z) => z.id === id);
  if (!zone) throw notFound("Shipping zone");
  return zone;
}

/** The other zones' countries, for the check that no country is in two zones. */
async function otherZones(db: Db, id: string) {
  const { shippingZones, shippingZoneCountries } = pricingTables(db);
  const rows = await db.orm
    .select({ id: shippingZones.id, name: shippingZones.name, country: shippingZoneCountries.country })
    .from(shippingZoneCountries)
    .innerJoin(shippingZones, eq(shippingZones.id, shippingZoneCountries.zoneId))
    .where(ne(shippingZones.id, id));
  const zones = new Map<string, { name: string; countries: string[] }>();
  for (const row of rows) {
    const zone = zones.get(row.id) ?? { name: row.name, countries: [] };
    zone.countries.push(row.country);
    zones.set(row.id, zone);
  }
  return [...zones.values()];
}

async function saveZone(db: Db, actorId: string, id: string, zone: ShippingZoneFields, change: "created" | "updated") {
  const check = async () => {
    const problems = checkShippingZone(zone, await otherZones(db, id));
    if (problems.length > 0) throw problemsError(problems);
  };
  await check();
  const { shippingZones, shippingZoneCountries } = pricingTables(db);
  try {
    await db.transaction(async (tx) => {
      if (change === "created") {
        await tx.orm.insert(shippingZones).values({ id, name: zone.name });
      } else {
        const [found] = await tx.orm
          .update(shippingZones)
          .set({ name: zone.name })
          .where(eq(shippingZones.id, id))
          .returning({ id: shippingZones.id });
        if (!found) throw notFound("Shipping zone");
      }
      await tx.orm.delete(shippingZoneCountries).where(eq(shippingZoneCountries.zoneId, id));
      await tx.orm.insert(shippingZoneCountries).values(zone.countries.map((country) => ({ zoneId: id, country })));
      await replaceMethods(tx, id, zone.methods);
      await recordPricingWrite(tx, {
        actorId,
        action: `shipping_zone.${change}`,
        entityType: "shipping_zone",
        entityId: id,
        details: { ...zone },
      });
    });
  } catch (error) {
    // Another admin put one of these countries in their zone after the check above: the unique
    // country refused the second; the check, run again, names the country and the zone.
    if (isConstraintViolation(error, "unique")) {
      await check();
      throw problemsError([{ path: ["countries"], message: "Another zone was just saved; reload and try again" }]);
    }
    throw error;
  }
}

async function replaceMethods(tx: Db, zoneId: string, methods: readonly ShippingMethodFields[]) {
  const { shippingMethods } = pricingTables(tx);
  const existing = await tx.orm
    .select({ id: shippingMethods.id })
    .from(shippingMethods)
    .where(eq(shippingMethods.zoneId, zoneId));
  // Each of the zone's own ids is kept once; an id from another zone, made up or sent twice is not.
  const keepable = new Set(existing.map((row) => row.id));
  const keep = (id: string | undefined) => (id && keepable.delete(id) ? id : newId("ship"));
  await tx.orm.delete(shippingMethods).where(eq(shippingMethods.zoneId, zoneId));
  await tx.orm.insert(shippingMethods).values(
    methods.map((method, position) => ({
      id: keep(method.id),
      zoneId,
      name: method.name,
      estimate: method.estimate,
      priceCents: method.priceCents,
      freeAboveCents: method.freeAboveCents ?? null,
      active: method.active ?? true,
      position,
    })),
  );
}
